"""The 30-day break workbook: a gentle, private programme for the month after a break-up."""

import sys

__version__ = "0.1.0"

# Jupyter's servers, nbformat and nbconvert import jsonschema, which, with rfc3987-syntax installed
# (jupyter-events' `format-nongpl` extra pulls it in), compiles some 35 Earley parsers for two
# string formats, "iri" and "iri-reference", as it is imported: 2.9 s of CPU and 24 MiB in every
# process that imports it here (the app's server, JupyterLab's, a report's export), each time one
# starts. No schema Jupyter or the workbook validates uses those formats. Marked as not importable,
# as ipykernel learns that debugpy is not there (workbook/app/lean_kernel.py), jsonschema leaves
# those two checks out and imports in a tenth of the time. Upstream: python-jsonschema/jsonschema
# issue 1428. Processes that import the workbook first get this; `python -m workbook.app.launch`
# starts JupyterLab and JupyterHub's single-user server that way.
sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]
