"""Anonymous IDO registration: categories, visits, rollups, figures, exports and imports. A feature;
uses no theme groups, guide or EMB pages (a referral option may link to an EMB programme)."""
