"""API Engagement feeds coming in: a pure XML reader, a safe fetcher, and the sync that writes
missions through the import's own writing path (``associations.imports.writing``)."""
