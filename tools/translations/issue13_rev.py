"""Dutch for the fixes of the review of issue 13 as a whole (rev13), at B1 level."""

NL = {
    # the public 404 under /aanbod/ (no cookie)
    "The help or course may no longer be offered, or the link may be wrong. Check the address, or look at what the libraries offer now.": "Misschien is deze hulp of cursus er niet meer, of klopt de link niet. Kijk of het adres goed is, of bekijk wat de bibliotheken nu bieden.",  # noqa: E501
    "See the help and courses of all libraries": "Bekijk de hulp en cursussen van alle bibliotheken",
}
