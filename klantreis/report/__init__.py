"""Reports: the sections of the report notebook, HTML conversion and the index page."""
