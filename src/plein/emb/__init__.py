"""EMB in connection: the national programme catalogue, a library's portfolio, connections, map
and story, and the comparison in a theme group. A feature."""
