"""Reports: the sections of the report notebook, HTML conversion and the index page."""

import sys

# jsonschema (which Altair imports) optionally imports rfc3987_syntax, which spends
# seconds building a grammar at import time, in every report kernel. Reports never
# validate IRIs, so that optional checker is left out wherever reports are made.
sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]
