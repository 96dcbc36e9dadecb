"""The ground floor: helpers every app uses (base views, forms, spreadsheets, PDF, mail, errors,
middleware, registries). Imports no feature app; features plug in through `registry`."""
