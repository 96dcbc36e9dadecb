"""Borging: each IDO branch's service profile and the borging scan per library and year (criteria,
status, evidence, actions; some derived from live data). A feature."""
