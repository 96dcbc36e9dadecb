"""Resources (files and links) per theme group and topic, checked on content type. A feature."""
