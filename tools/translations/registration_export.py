"""Dutch for the registration exports."""

NL = {
    "Date": "Datum",
    "Visit": "Bezoek",
    "Download these registrations (CSV, national layout)": "Deze registraties downloaden (CSV, landelijke indeling)",
    "as Excel": "als Excel",
}
