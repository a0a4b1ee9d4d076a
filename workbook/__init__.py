"""The 30-day break workbook: a gentle, private programme for the month after a break-up."""

__version__ = "0.1.0"
