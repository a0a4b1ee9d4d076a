"""Your files: damage, backups, restore, export and import, hostile input, output files."""

MESSAGES = {
    # Reliability: damage, backups, restore, export and import.
    "damaged_with_backup": (
        "Your workbook file ({path}) looks damaged, so the workbook has left it exactly as it is. "
        "Your newest good backup is {backup}; to go back to it, run `workbook restore {backup}` "
        "(the damaged file is kept, not deleted)."
    ),
    "damaged_no_backup": (
        "Your workbook file ({path}) looks damaged, so the workbook has left it exactly as it is. "
        "There’s no backup to go back to yet; if you exported or backed up elsewhere, "
        "`workbook restore PATH` or `workbook import PATH` into a new folder will bring it back."
    ),
    "backup_done": "Your workbook is backed up: {path}. It is readable only by you.",
    "backup_encrypted_done": (
        "Your workbook is backed up and encrypted: {path}. Keep your passphrase somewhere safe — "
        "without it, nobody (not even you) can open this backup."
    ),
    "backup_nothing": "There’s no workbook in {path} yet, so there’s nothing to back up.",
    "restore_done": "Your workbook is back as it was in {path}.",
    "restore_safety": "What was there before is kept, just in case: {path}.",
    "restore_damaged": "That backup is damaged and can’t be restored ({problem}). Nothing was changed.",
    "restore_newer": (
        "That backup comes from a newer version of the workbook. Please update the workbook first; "
        "nothing was changed."
    ),
    "not_a_backup": "{path} isn’t a workbook backup, so nothing was changed.",
    "backup_damaged": "That encrypted backup is damaged or incomplete, so it can’t be opened. Nothing was changed.",
    "backup_newer": "That backup was made by a newer version of the workbook. Please update first; nothing was changed.",
    "wrong_passphrase": "That passphrase doesn’t open this backup. Nothing was changed — please try again.",
    "passphrase_needed": (
        "This backup is encrypted. Give its passphrase with --passphrase-file PATH or the "
        "WORKBOOK_PASSPHRASE environment variable, or run the command in a terminal to be asked."
    ),
    "passphrase_short": "Please choose a passphrase of at least {minimum} characters.",
    "passphrase_mismatch": "The two passphrases don’t match, so nothing was written. Please try again.",
    "passphrase_prompt": "Passphrase for this backup: ",
    "passphrase_again": "The same passphrase again: ",
    "file_missing": "There’s no file at {path}. Please check the name and folder.",
    "file_unreadable": "{path} can’t be read ({reason}).",
    "folder_missing": "The folder {path} doesn’t exist. Please create it first or choose another.",
    "file_exists": "{path} already exists, and the workbook won’t write over it. Choose another name.",
    "export_done": "Your workbook is exported to {path} ({rows} rows, every revision included).",
    "export_empty": "There’s no workbook in {path} yet, so there’s nothing to export.",
    "import_done": "Imported {rows} rows into {path}. Your workbook is back, every revision included.",
    "import_not_ours": "{path} isn’t a workbook export, so nothing was imported.",
    "import_damaged": "{path} is a workbook export, but it is damaged or incomplete ({problem}). Nothing was imported.",
    "import_newer": "{path} comes from a newer version of the workbook. Please update first; nothing was imported.",
    "import_not_empty": (
        "{path} already holds a workbook. Import only fills an empty one, so nothing was changed: "
        "choose a new folder with --data-dir, or back up and restore instead."
    ),
    "import_unknown_table": "The export has a table this workbook doesn’t know (“{table}”), so nothing was imported.",
    "import_unknown_column": "The export has a column this workbook doesn’t know (“{table}.{column}”), so nothing was imported.",
    # Hostile input (issue 13): imports and restores checked row by row, output files (every
    # command's, workbook/store/output_files.py), a full disk.
    "date_out_of_range": "{field} is {value}; the workbook keeps days from {low} to {high}.",
    "not_a_timestamp": "{field} should be a date and time like 2026-11-25T08:30:00+00:00.",
    "record_kind": "“{value}” isn’t a stage the workbook records (those are: {kinds}).",
    "record_not_object": "The {kind} record should be a set of named answers.",
    "record_key": "The {kind} record has an answer the workbook doesn’t know (“{name}”).",
    "record_yes_no": "{field} should be yes or no.",
    "record_text": "{field} should be text.",
    "record_whole": "{field} should be a whole number.",
    "record_list": "{field} should be a list of texts.",
    "record_not_json": "The stage’s answers aren’t readable JSON.",
    "emotions_bad": "The emotion words should be a JSON list of words.",
    "cell_empty": "this can’t be empty",
    "cell_wrong_type": "this should be {kind}",
    "cell_problem": "in {table}, row {row}, {column}: {problem}",
    "row_problem": "in {table}, row {row}: {problem}",
    "row_malformed": "in {table}, row {row} has the wrong number of cells",
    "table_missing": "the table “{table}” is missing",
    "table_malformed": "the table “{table}” isn’t a list of columns and rows",
    "column_missing": "the column “{table}.{column}” is missing",
    "id_range": "an id should be a whole number from 1 to {high:,}",
    "id_twice": "the id {id} is used twice",
    "dangling": "this points to a row of {table} that isn’t there",
    "position_bad": "the goal’s position is repeated or out of range",
    "sequence_bad": "SQLite’s row counter for “{table}” is out of range",
    "import_refused": "{path} can’t be imported: {problem}. Nothing was imported.",
    "import_too_big": "{path} is larger than any workbook export ({limit} MB), so nothing was imported.",
    "restore_not_ours": (
        "That backup isn’t exactly a workbook ({problem}), so it can’t be restored. "
        "Nothing was changed."
    ),
    "restore_bad_rows": "That backup holds rows the workbook can’t accept ({problem}). Nothing was changed.",
    "output_exists": (
        "{path} already exists, and the workbook won’t write over it. Choose another name, "
        "or add --force to replace it."
    ),
    "output_is_link": (
        "{path} is a link to another file, and the workbook won’t write through it. Choose "
        "another name, or add --force to replace the link itself."
    ),
    "output_not_a_file": "{path} isn’t an ordinary file, so the workbook won’t write there.",
    "folder_read_only": "The workbook can’t write in {path} (the folder is read-only). Nothing was written.",
    "write_failed": "{path} couldn’t be written ({reason}). Nothing was written.",
    "disk_full": (
        "The disk holding {path} is full, so nothing was saved and nothing was lost. "
        "Free some space and try again."
    ),
    "workbook_unreachable": (
        "Your workbook at {path} can’t be opened just now ({reason}). It hasn’t been changed."
    ),
    # The link beside a file a page just wrote (workbook/pages/file_links.py).
    "file_open": "Open {name}",
    "file_download": "Download {name}",
}
