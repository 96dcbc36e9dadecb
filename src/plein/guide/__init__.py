"""The Ontwikkelplein guide: versions of its phases and steps, a library's route, partners and the
project plan (DOCX, PDF). A feature."""
