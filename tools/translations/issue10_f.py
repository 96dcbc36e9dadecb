"""Dutch for issue 10 (helper F): the project plan's metadata, the spreadsheets, the printable
worksheets of the article's two tools."""

NL = {
    # guide: the project plan DOCX's description
    "Draft made by Plein from the answers in the guide.": "Eerste versie, gemaakt door Plein uit de antwoorden in de handreiking.",
}
