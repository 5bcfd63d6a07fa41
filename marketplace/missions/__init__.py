"""Mission changes across features: the change pipeline (``changes``) and the shared stamp (``stamp``)."""
