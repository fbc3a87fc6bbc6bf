"""A comment export written for these tests: six articles on four sites (two of them one wire
piece republished with different editor's notes), ordinary reader comments, two copy-paste
campaigns with light edits, a stock phrase under every article and readers quoting their article.
All text is written here."""

from __future__ import annotations

import csv
from pathlib import Path

WIRE = (
    "The regional water authority said on Tuesday that it would raise household rates by eleven percent "
    "over the next two years to pay for replacing lead service lines across the northern districts. "
    "Officials told reporters that about forty thousand homes still draw water through pipes laid before "
    "the war, and that the replacement programme had fallen three years behind schedule after a dispute "
    "with the main contractor over cost overruns. Consumer groups called the increase steep but said the "
    "work could not wait any longer, pointing to tests last spring that found elevated lead levels in "
    "several schools. The authority plans public hearings in each district before the board votes in March."
)
ARTICLES = [
    {"article_id": "a1", "url": "https://dailyriver.example/news/water-rates", "title": "Water rates to rise to fund pipe replacement",
     "article_text": "Editor's note: this wire report was updated with local figures.\n\n" + WIRE},
    {"article_id": "a2", "url": "https://valleypost.example/2024/water", "title": "Authority raises water bills by 11%",
     "article_text": WIRE + "\n\nRead more: our coverage of the lead pipe scandal. Subscribe to the morning newsletter for local news."},
    {"article_id": "a3", "url": "https://dailyriver.example/news/bridge-tolls", "title": "Council approves tolls on the new east bridge",
     "article_text": "The city council voted seven to four on Monday night to charge tolls on the east bridge when it opens next "
     "autumn. Supporters said the tolls would repay construction bonds within fifteen years; opponents argued that commuters "
     "from the eastern suburbs already pay more for transport than anyone else in the city and would now pay twice."},
    {"article_id": "a4", "url": "https://harbourtimes.example/schools-budget", "title": "School board cuts music programmes",
     "article_text": "Facing a shortfall of four million, the school board eliminated elementary music instruction and "
     "reduced library hours at every secondary school. Parents packed the meeting and several teachers spoke against "
     "the cuts, which take effect in September unless the province restores last year's grant."},
    {"article_id": "a5", "url": "https://northgazette.example/transit/strike", "title": "Transit workers set strike date",
     "article_text": "Bus and tram operators will walk off the job on the first of the month if no agreement is reached, "
     "their union said, after talks over scheduling and overtime broke down for the second time this year."},
    {"article_id": "a6", "url": "https://harbourtimes.example/housing-plan", "title": "Mayor unveils housing plan for the waterfront",
     "article_text": "The mayor presented a plan to build two thousand apartments on former industrial land along the "
     "waterfront, a quarter of them at below-market rents, and promised construction would begin within eighteen months."},
]

# Ordinary comments, each different: (article, author, text)
ORGANIC = [
    ("a1", "Maria K", "My building still has the old lead pipes and nobody from the authority has ever come to test the water."),
    ("a1", "Tom Ellis", "Eleven percent is a lot when wages have barely moved in five years."),
    ("a1", "quietobserver", "They had the money for new offices downtown, so why is it always households who pay?"),
    ("a2", "Tom Ellis", "Same story in my town: the contractor gets paid late and the residents get the bill."),
    ("a2", "Priya", "Honestly I would rather pay more than have kids drinking lead at school."),
    ("a2", "GregW", "Where are the hearings going to be held and can people attend online?"),
    ("a3", "Lena Fischer", "I cross that bridge twice a day for work, a toll is going to cost me hundreds a year."),
    ("a3", "tom ellis", "Tolls on new bridges are normal and the bonds have to be paid by someone."),
    ("a3", "Darnell", "The eastern suburbs were promised a rail line twenty years ago and we are still waiting for it."),
    ("a4", "Maria K", "Music was the only reason my son liked going to school at all."),
    ("a4", "Mr Alvarez", "I taught music for thirty years and every study shows it helps with reading and maths."),
    ("a4", "Kim", "Cut the consultants first, not the classrooms."),
    ("a5", "Priya", "The drivers have been working split shifts for years, I support them completely."),
    ("a5", "Jonas", "Another strike means another month of walking to work in the rain."),
    ("a5", "Tom Ellis", "The union and the city should both be locked in a room until they agree."),
    ("a6", "Lena Fischer", "A quarter below market is not enough when rents have doubled since the pandemic."),
    ("a6", "Okafor", "Is the land even clean? That site was a chemical plant for decades."),
    ("a6", "GregW", "Eighteen months means after the next election, which tells you everything."),
]
STOCK = "Thanks for sharing this."

# Campaign families: the text, then (article, author, edit) per copy.
CAMPAIGN_A = "The council is bought and paid for by the developers, follow the money and you will see who really runs this city."
CAMPAIGN_B = "Stop the cuts now: sign the petition at the library and tell your neighbours to call the board before Friday."


def campaign_rows() -> list[dict]:
    a = [
        ("a3", "citizen_one", CAMPAIGN_A),
        ("a4", "Watchful Eye", "Hi all, " + CAMPAIGN_A),
        ("a5", "truthseeker", CAMPAIGN_A.upper()),
        ("a6", "J. Public", CAMPAIGN_A.replace("developers", "contractors") + " #FollowTheMoney"),
        ("a1", "localvoice", CAMPAIGN_A.replace(",", "").replace(".", "!!!")),
    ]
    b = [
        ("a4", "parent_power", CAMPAIGN_B),
        ("a5", "Concerned Mom", "Friends: " + CAMPAIGN_B.lower()),
        ("a6", "anna b", CAMPAIGN_B.replace("neighbours", "friends")),
        ("a3", "helper99", CAMPAIGN_B + " #SaveMusic"),
    ]
    rows = []
    for family, copies in (("A", a), ("B", b)):
        for k, (article, author, text) in enumerate(copies):
            rows.append({"article": article, "author": author, "text": text, "family": family, "hour": 9 + 2 * k})
    return rows


# A reader quoting their own article at length: a quote, not a campaign, however often it recurs.
QUOTE = "Quote: " + WIRE.split(". ")[1] + "."


def export_rows() -> list[dict]:
    """One dict a comment, in the export's columns (plus `family` for the tests)."""
    rows = []
    by_id = {a["article_id"]: a for a in ARTICLES}
    entries = [(a, au, t, "", 8) for a, au, t in ORGANIC]
    entries += [(a["article_id"], f"reader{k}", STOCK, "", 12) for k, a in enumerate(ARTICLES)]
    entries += [(r["article"], r["author"], r["text"], r["family"], r["hour"]) for r in campaign_rows()]
    entries += [("a1", "wonk", QUOTE, "", 14), ("a2", "wonk2", QUOTE, "", 14)]
    for n, (article, author, text, family, hour) in enumerate(entries):
        art = by_id[article]
        rows.append({
            "comment_id": f"c{n:03d}", "article_id": article, "article_url": art["url"], "article_title": art["title"],
            "article_text": art["article_text"], "author": author, "created_at": f"2024-03-0{1 + n % 5}T{hour:02d}:{n % 60:02d}:00Z",
            "comment": text, "parent_id": "", "family": family,
        })
    rows[1]["parent_id"] = rows[0]["comment_id"]  # a reply, so threading is read from the export
    return rows


def write_export(path: Path) -> Path:
    rows = export_rows()
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=[k for k in rows[0] if k != "family"])
        writer.writeheader()
        for row in rows:
            writer.writerow({k: v for k, v in row.items() if k != "family"})
    return path
