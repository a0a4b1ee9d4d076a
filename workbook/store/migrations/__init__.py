"""Numbered schema migrations, applied in order by `workbook.store.schema.migrate`."""
