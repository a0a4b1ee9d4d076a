"""What a person sees drawn from the numbers: charts, charts in words, the report, HTML pieces,
the calendar file."""
