"""Issue 12: figures written as "label: number" (no number before a noun, so no plural needed)."""

NL = {
    "Few registrations. Weeks without any registration: %(weeks)s of %(total)s.": "Weinig registraties. Weken zonder enige registratie: %(weeks)s van %(total)s.",
    "Every IDO branch registers. Weeks without registration: %(weeks)s of %(total)s. Questions with a referral: %(share)s%%.": "Elke IDO-vestiging registreert. Weken zonder registratie: %(weeks)s van %(total)s. Vragen met een verwijzing: %(share)s%%.",
    "Weeks without registration: %(weeks)s of %(total)s.": "Weken zonder registratie: %(weeks)s van %(total)s.",
    "Visits: %(visits)s, questions: %(questions)s. A year earlier: visits %(pv)s, questions %(pq)s.": "Bezoeken: %(visits)s, vragen: %(questions)s. Een jaar eerder: bezoeken %(pv)s, vragen %(pq)s.",
    "Questions referred to a course or programme of the library (EMB): %(emb)s. To a partner: %(partners)s.": "Vragen verwezen naar een cursus of programma van de bibliotheek (EMB): %(emb)s. Naar een partner: %(partners)s.",
    "Meetings the library attended: %(a)s of %(m)s": "Bijeenkomsten waar de bibliotheek bij was: %(a)s van %(m)s",
}
