"""One small module per stage: a controller with plain `on_*` methods and a thin widget view."""
