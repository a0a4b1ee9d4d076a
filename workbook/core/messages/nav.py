"""Moving between the stages."""

MESSAGES = {
    # Moving between the stages (workbook/pages/nav.py), in JupyterLab and in the app.
    "stage_titles": (
        "Start here|The break|Today’s check-in|Your progress|Day 30: a real think|The reunion|"
        "Keep going|Your report"
    ),
    "stage_previous": "← Back: {title}",
    "stage_next": "Next: {title} →",
}
