"""Score rhetoric tags against persuasion-technique labels (SemEval-2023 Task 3 style CSV).

The CSV has a text column and one 0/1 column per technique. replyscope's tags are not the same
inventory, so the comparison goes through an explicit, declared mapping: a technique is predicted
for a paragraph when one of its rules fires on the paragraph's rhetoric evidence. A rule names a
schema tag and, optionally, the cue families (rhetoric_cues) that count: the public tag list stays
`schema.RHETORIC_TAGS`, and finer distinctions (name-calling labels versus other loaded words) are
recovered from each evidence cue's words with `families_of_cue`.

Only techniques a tag genuinely means are mapped and enter the micro-F1. A few tempting but loose
pairings are scored as "reference" rows so the reader can see why they are left out.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import polars as pl
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from sklearn.metrics import precision_recall_fscore_support

from replyscope.analyze.rhetoric import rhetoric_of
from replyscope.analyze.rhetoric.cues import families_of_cue


@dataclass(frozen=True)
class TagRule:
    """Fires when a paragraph has a cue of `tag` from one of `families` (None = any family)."""

    tag: str
    families: frozenset[str] | None = None

    def describe(self) -> str:
        fams = "" if self.families is None else "[" + ",".join(sorted(self.families)) + "]"
        return f"{self.tag}{fams}"


# The loaded_language cue families that pin a label on someone or something (rhetoric_cues).
LABEL_FAMILIES = frozenset(
    {
        "name_calling_label",  # "leftists", "stooge", "the swamp"
        "labelled_group",  # "radical activists", "corrupt elites"
        "epithet_before_name",  # "Crooked Hillary"
        "character_judgement",  # "dishonest", "hypocritical"
        "copula_label",  # "he is a disgrace"
        "discrediting_label",  # "witch hunt", "hoax"
        "pejorative_compound",  # "America-hating", "fearmonger"
        "so_called_label",  # "so-called experts"
        "prefixed_label",  # "neocons"
        "capitalised_side",  # "the anti-gun Left"
    }
)

# technique <- rules (any rule firing predicts the technique).
TECHNIQUE_MAP: dict[str, tuple[TagRule, ...]] = {
    # Emotive, value-laden words, character judgements and swearing are loaded language by
    # definition. Labels for people and groups go to Name_Calling: annotators mark them as labels.
    "Loaded_Language": (
        TagRule("loaded_language", frozenset({"loaded_emotive", "absolute_dismissal", "character_judgement"})),
        TagRule("profanity_insult"),
    ),
    # Labels stuck on people, groups or what they do ("leftist", "corrupt", "witch hunt"), and insults.
    "Name_Calling-Labeling": (
        TagRule("loaded_language", LABEL_FAMILIES),
        TagRule("profanity_insult", frozenset({"insult_label"})),
    ),
    # Appeals to "our country", "real Americans", "we the people": the in-group half of us-vs-them.
    "Flag_Waving": (TagRule("us_vs_them", frozenset({"ingroup_appeal"})),),
    "Whataboutism": (TagRule("whataboutism"),),
    # Whataboutism and tu quoque are the same move: point at the accuser's own conduct.
    "Appeal_to_Hypocrisy": (TagRule("whataboutism"),),
}

# Scored for information only, outside micro-F1: a rhetorical question or a hedge can cast doubt,
# but most do not, and conspiracy talk is only one way to stoke fear.
REFERENCE_MAP: dict[str, tuple[TagRule, ...]] = {
    "Doubt": (TagRule("rhetorical_question"),),
    "Appeal_to_Fear-Prejudice": (TagRule("conspiracy"),),
    "Exaggeration-Minimisation": (TagRule("emphasis"),),
}


def _text_column(frame: pl.DataFrame) -> str:
    """`text` when present, else the string column with the longest values."""
    if "text" in frame.columns:
        return "text"
    strings = [c for c, t in frame.schema.items() if t == pl.String]
    if not strings:
        raise ValueError(f"no text column among {frame.columns}")
    lengths = frame.select([pl.col(c).str.len_chars().mean().alias(c) for c in strings]).row(0)
    return max(zip(strings, lengths), key=lambda cl: cl[1] or 0)[0]


def _rule_fires(rule: TagRule, cues_by_family: dict[tuple[str, str], set[str]]) -> bool:
    return any(tag == rule.tag and (rule.families is None or family in rule.families) for tag, family in cues_by_family)


def _cues_by_family(evidence: list[dict]) -> dict[tuple[str, str], set[str]]:
    """(tag, family) -> distinct lower-cased cue words, families recovered from each cue's words."""
    out: dict[tuple[str, str], set[str]] = {}
    for ev in evidence:
        for family in families_of_cue(ev["tag"], ev["cue"]) or ["?"]:
            out.setdefault((ev["tag"], family), set()).add(ev["cue"].lower())
    return out


def predict_techniques(texts: list[str], mapping: dict[str, tuple[TagRule, ...]]) -> dict[str, list[int]]:
    """0/1 predictions per technique for each text, through `mapping`."""
    frame = pl.DataFrame({"comment_id": [str(i) for i in range(len(texts))], "text": texts})
    evidence = rhetoric_of(frame).get_column("evidence").to_list()
    grouped = [_cues_by_family(ev) for ev in evidence]
    return {
        technique: [int(any(_rule_fires(rule, g) for rule in rules)) for g in grouped]
        for technique, rules in mapping.items()
    }


def _prf(gold: list[int], pred: list[int]) -> dict[str, float]:
    p, r, f, _ = precision_recall_fscore_support(gold, pred, average="binary", zero_division=0)
    return {"p": round(float(p), 4), "r": round(float(r), 4), "f1": round(float(f), 4)}


def score(frame: pl.DataFrame) -> dict:
    """Per-technique P/R/F1 for the mapped techniques present in `frame`, their micro-F1, and reference rows."""
    texts = frame.get_column(_text_column(frame)).fill_null("").to_list()
    mapped = {t: r for t, r in TECHNIQUE_MAP.items() if t in frame.columns}
    reference = {t: r for t, r in REFERENCE_MAP.items() if t in frame.columns}
    if not mapped:
        raise ValueError(f"none of the mapped techniques {sorted(TECHNIQUE_MAP)} is a column of the file")
    preds = predict_techniques(texts, {**mapped, **reference})
    gold = {t: [int(v or 0) for v in frame.get_column(t).to_list()] for t in {**mapped, **reference}}
    per_technique = {t: _prf(gold[t], preds[t]) | {"n_gold": sum(gold[t]), "n_pred": sum(preds[t])} for t in mapped}
    all_gold = [g for t in mapped for g in gold[t]]
    all_pred = [p for t in mapped for p in preds[t]]
    micro = _prf(all_gold, all_pred)
    ref = {t: _prf(gold[t], preds[t]) | {"n_gold": sum(gold[t]), "n_pred": sum(preds[t])} for t in reference}
    return {"n": len(texts), "micro_f1": micro["f1"], "micro": micro, "per_technique": per_technique, "reference": ref}


def _table(result: dict) -> Table:
    table = Table(title=f"rhetoric vs persuasion techniques ({result['n']} texts)")
    table.add_column("technique", no_wrap=True)
    table.add_column(escape("mapped from: tag[cue families]"), max_width=64, overflow="fold")
    for col in ("gold", "pred", "P", "R", "F1"):
        table.add_column(col, justify="right")
    rows = [(t, TECHNIQUE_MAP[t], m) for t, m in result["per_technique"].items()]
    for technique, rules, m in rows:
        table.add_row(technique, escape(" | ".join(r.describe() for r in rules)), str(m["n_gold"]), str(m["n_pred"]),
                      f"{m['p']:.3f}", f"{m['r']:.3f}", f"{m['f1']:.3f}")
    mi = result["micro"]
    table.add_row("[bold]micro[/bold]", "mapped techniques", "", "", f"{mi['p']:.3f}", f"{mi['r']:.3f}", f"[bold]{mi['f1']:.3f}[/bold]")
    for technique, m in result["reference"].items():
        rules = REFERENCE_MAP[technique]
        table.add_row(f"[dim]{technique} (ref.)[/dim]", "[dim]" + escape(" | ".join(r.describe() for r in rules)) + "[/dim]",
                      str(m["n_gold"]), str(m["n_pred"]), f"{m['p']:.3f}", f"{m['r']:.3f}", f"{m['f1']:.3f}")
    return table


def run(path: Path, *, json_out: bool = False, limit: int | None = None) -> dict:
    """Score the CSV at `path`; print a table, and with `json_out` end with one JSON line."""
    frame = pl.read_csv(path, infer_schema_length=10_000)
    if limit is not None:
        frame = frame.head(limit)
    result = score(frame)
    console = Console(width=160)
    console.print(_table(result))
    if json_out:
        payload = {"micro_f1": result["micro_f1"], "per_technique": {t: {k: m[k] for k in ("p", "r", "f1")} for t, m in result["per_technique"].items()}}
        print(json.dumps(payload), flush=True)
    return result
