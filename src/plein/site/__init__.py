"""The roof: start page, navigation, statements (accessibility, privacy), health, error pages
and `load_demo`. May import every feature; features plug in through `plein.common.registry`."""
