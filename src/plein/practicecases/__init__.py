"""Practice cases of a theme group, their replies and the e-mail digest. A feature."""
