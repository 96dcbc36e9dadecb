"""The borging report a municipality receives per library and year: drafted by the coordinator,
frozen when published, versioned, shared by link. A feature (reads borging and registration)."""
