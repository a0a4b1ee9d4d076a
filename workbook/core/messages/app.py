"""The app's door."""

MESSAGES = {
    # The app's door, for a browser that came without the token (it shows nothing of the workbook).
    "app_login_title": "Your workbook is locked",
    "app_login_why": "This workbook opens only for the person who started it.",
    "app_login_how": (
        "Open the address that `workbook app` printed where you started it: it ends in "
        "?token=… and lets you straight in. Or copy the part after token= and paste it here."
    ),
    "app_login_label": "Token",
    "app_login_button": "Open my workbook",
    "app_login_wrong": "That token doesn’t open this workbook. Check that you copied all of it.",
}
