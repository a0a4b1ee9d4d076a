"""The nouns, the programme's rules, validation and every sentence a person reads: no I/O."""
