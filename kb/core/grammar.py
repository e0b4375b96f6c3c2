"""The surface grammar of quantities in text: how numbers, scale words, currencies, units,
denominators, counts, multipliers in words and qualifier cues are *written*.

What a unit *is* (its dimensionality, its size) is :mod:`kb.core.units`' business: this
module writes unit texts that :func:`kb.core.units.parse_unit` reads (``million USD/month``,
``K GPU``, ``USD per 1M tokens``) and asks that module whenever it needs a dimension or a
conversion factor.

:func:`parse_at` reads one :class:`Quantity` at a candidate start (:func:`candidate_starts`),
:func:`word_number_at` a multiplier or fraction in words (``twice``, ``tenfold``, ``a
third``), :func:`vague_at` a vague plural (``billions of dollars``); :func:`unit_text`
writes a quantity's unit text. :mod:`kb.extract.drafts` builds the drafts from them.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kb.core.units import FOREIGN_CURRENCIES, SCALE_WORDS, UnitError, conversion_factor, unit_shape

__all__ = ["Quantity", "candidate_starts", "parse_at", "parse_upto", "word_number_at", "factor_words_at", "vague_at", "unit_text",
           "looks_like_year", "percent_compare_before", "same_dimension", "unit_key", "scale_factor", "unit_factor", "header_unit",
           "QUALIFIER_CUES", "qualifier_cue", "BETWEEN_RE", "CONNECT_RE", "VAGUE_RE", "GPU_NAME", "CARD_NUMBER",
           "GAMING_CARD_NUMBER", "CARD_SERIES", "CARD_MAKERS", "COUNT_NOUNS", "GERMAN_COUNT_NOUNS",
           "PERIOD_NOUN_RE", "clock_duration", "hours_and_minutes", "minutes_and_seconds", "TwoUnitDuration", "space_thousands",
           "CONTINENTAL_SCALE_RE", "MONTHS", "MONTH_NUMBERS", "MONTH_OF_NAME", "MONTH_NAMES_RE", "MONTH_SHORT_RE",
           "MONTH_ABBREVS_RE"]


# --------------------------------------------------------------------------------------
# Months as written in dates and periods ("in May", "Sept 2024", "| Jan 2023 |")
# --------------------------------------------------------------------------------------

#: The months' names, January first.
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
#: Abbreviations written besides a name's first three letters ("Sept").
_MONTH_ABBREVS = {"September": ("Sept",)}
#: A month's number by the first three letters of its name in lower case ("jan": 1).
MONTH_NUMBERS = {m[:3].lower(): i for i, m in enumerate(MONTHS, 1)}
#: A month's number by its name in lower case, full or abbreviated ("feb", "february", "sept").
MONTH_OF_NAME = {w.lower(): i for i, m in enumerate(MONTHS, 1) for w in (m[:3], *_MONTH_ABBREVS.get(m, ()), m)}


def _short_or_full(month: str) -> str:
    """A month's name cut short or in full as a regex: "Jan(?:uary)?", "May", "June?",
    "Sep(?:t(?:ember)?)?" (each longer form an optional tail of the shorter)."""
    forms = [month[:3], *_MONTH_ABBREVS.get(month, ()), month]
    out = ""
    for shorter, longer in reversed(list(zip(forms, forms[1:]))):
        tail = longer[len(shorter):] + out
        out = "" if not tail else f"{tail}?" if len(tail) == 1 else f"(?:{tail})?"
    return forms[0] + out


#: Regex alternations of the months' names: in full ("January|February|..."), cut short or in
#: full ("Jan(?:uary)?|Feb(?:ruary)?|...|Sep(?:t(?:ember)?)?|..."), and the abbreviations alone
#: in lower case ("jan|feb|...|sep|sept|oct|nov|dec").
MONTH_NAMES_RE = "|".join(MONTHS)
MONTH_SHORT_RE = "|".join(map(_short_or_full, MONTHS))
MONTH_ABBREVS_RE = "|".join(w.lower() for m in MONTHS for w in (m[:3], *_MONTH_ABBREVS.get(m, ())))


# --------------------------------------------------------------------------------------
# Units as written after a number: regex -> unit text (a name kb.core.units reads)
# --------------------------------------------------------------------------------------

#: A GPU or accelerator product name as articles write it (H100, A100s, MI300X, TPUv4, B200).
GPU_NAME = (r"(?:(?:[A-Z]/)?(?:GB|[ABHLTV])\d{2,3}[A-Z]?|MI\d{3}[A-Z]?|TPU\s?v?\d[a-z]?p?|Gaudi\s?\d"
            r"|RTX\s?\d{4}|L40S?)")
#: A graphics card's model number, which GPU_NAME leaves out ("4090", "RTX Pro 6000", "3090 Ti"):
#: four digits, read as a card's after its maker or its series' name (alone, a year or an amount).
CARD_NUMBER = r"[1-9][0-9]{3}"
#: A gaming card's number (x060 to x090 of the 10 to 50 series: "3090", "4070"), a card's even
#: with no maker or series named ("two 3090s", "2x 4070").
GAMING_CARD_NUMBER = r"[1-5]0[6-9]0"
#: The series' names written before a card's number ("GeForce RTX 4090", "RTX Pro 6000", "Quadro 8000").
CARD_SERIES = r"GeForce|RTX|Pro|Quadro"
#: The makers' names written before a card's number ("NVIDIA 4090", "AMD 7900").
CARD_MAKERS = r"NVIDIA|Nvidia|AMD"
_GPU_HOUR = (r"(?:" + GPU_NAME + r"[- ](?i:gpu)[- ]?(?i:hours?|hrs?)|(?:(?i:gpu)|" + GPU_NAME
             + r")[- ]?(?i:hours?|hrs?|h))\b")

#: carbon dioxide as writers mark its subscript: "CO2", "CO₂", HTML "CO<sub>2</sub>", LaTeX "CO_2",
#: "CO$_2$", "CO$_{2}$" and Markdown's escaped "CO\\$_2\\$"
_CO2 = r"CO(?:[2₂]|<sub>2</sub>|_\{?2\}?|(?:\\{1,2})?\$_\{?2\}?(?:\\{1,2})?\$)"

#: a degree sign as typed, or as markup writes it: HTML's "&deg;" or "&#176;", LaTeX's "$\degree$",
#: "^\circ", "$^{\circ}$" (a page converted from LaTeX or HTML keeps them: "0.00002$\degree$C per year")
_DEGREE_SIGN = (r"(?:°|&deg;|&#176;|(?:\$[ \u00a0]?)?(?:\^[ \u00a0]?\{?[ \u00a0]?\\circ[ \u00a0]?\}?|\\degree(?![A-Za-z])"
                r"|\{\\degree\})(?:[ \u00a0]?\$)?)")

_UNIT_FORMS = [
    (_GPU_HOUR, "GPU-hour"),
    (r"(?i:gpu)-(?i:stunden?|heures?)(?![\w-])", "GPU-hour"),  # German and French: "2,02 Mio. GPU-Stunden"
    (r"(?i:gpu)[- ]?(?i:days?)\b", "GPU-day"),  # "229 GPU-days wasted"
    (r"(?i:kilowatt[- ]hours?)|kWh|kW[-·]h(?:rs?)?", "kWh"), (r"(?i:megawatt[- ]hours?)|MWh|MW[-·]h(?:rs?)?", "MWh"),
    (r"(?i:gigawatt[- ]hours?)|GWh|GW[-·]h(?:rs?)?", "GWh"), (r"(?i:terawatt[- ]hours?)|TWh|TW[-·]h(?:rs?)?", "TWh"),
    (r"(?i:watt[- ]hours?)|Wh|W[-·]h(?:rs?)?", "Wh"),
    # ("77 MWe", "1.1 GWe": a power plant's electric output, as nuclear and SMR sheets write it)
    (r"(?i:kilowatts?)|kW", "kW"), (r"(?i:megawatts?)|MWe?", "MW"), (r"(?i:gigawatts?)|GWe?", "GW"),
    (r"(?i:terawatts?)|TW", "TW"), (r"(?i:watts?)|W", "W"),
    (r"(?i:kilojoules?)|kJ", "kJ"), (r"(?i:megajoules?)|MJ", "MJ"), (r"(?i:joules?)|J", "J"),
    # (the singular symbol too before a number format: a chip's "1 PFLOP FP4", as spec sheets write its
    # speed; "3e11 TFLOP" alone may be an amount)
    (r"TFLOP/s|TFLOPS|TFLOPs|TFlops|TFLOP(?=[ \t]+(?:FP|BF|INT|TF)[0-9])|(?i:tera-?flops)|TF", "TFLOPS"),
    # "3,640 petaflop/s-days", "28 PF-days", "pfs-days": compute as so many days at 10^15 FLOP a second
    # (and as the prefix's symbol writes it: "PFLOP/s-days", "PFLOPS-days", "PF/s-days", "petaflop·s-days")
    (r"(?i:peta-?flops?(?:/s|·s)?[- ]days?|pf(?:lops?|s)?(?:/s)?[- ]days?)", "petaflop_s_day"),
    (r"PFLOP/s|PFLOPS|PFLOPs|PFlops|PFLOP(?=[ \t]+(?:FP|BF|INT|TF)[0-9])|(?i:peta-?flops)|PF", "PFLOPS"),
    (r"EFLOP/s|EFLOPS|EFLOPs|(?i:exa-?flops)", "EFLOPS"),
    (r"GFLOP/s|GFLOPS|GFLOPs|(?i:giga-?flops)", "GFLOPS"),
    # "6.3 yottaFLOPs", "21 zettaFLOPs": so many operations (a training run's compute; no machine
    # does that many a second), as "6.3e24 FLOPs" is
    (r"(?i:zetta-?flops?)|ZFLOPs?", "zettaFLOP"), (r"(?i:yotta-?flops?)|YFLOPs?", "yottaFLOP"),
    (r"POPS|POPs|(?i:peta-?ops)", "POPS"), (r"TOPS|TOPs|(?i:tera-?ops)", "TOPS"),
    (r"FLOP/s|FLOPS|flops", "FLOPS"),
    (r"FLOPs|FLOP|(?i:floating[- ]point operations)", "FLOP"),
    (r"MiB", "MiB"), (r"GiB|Gio(?![A-Za-z])", "GiB"), (r"TiB|Tio(?![A-Za-z])", "TiB"),  # (French writes "94 Gio")
    # a network link's speed by its class ("24x 100 Gigabit Ethernet", "100G Leaf Switches", "400G spine")
    # (and the bits' symbol written out, as German and French writing and network specs do: "400 Gbit/s",
    # "6gbit/s", "1 GBit/s")
    (r"Gbps|Gb/s|(?i:gbits?/s(?:ec)?)(?![A-Za-z0-9])|(?i:gigabits? per second)|(?i:gigabit)(?=[ \u00a0]+(?i:ethernet)\b)"
     r"|G(?=[ \u00a0]+(?i:leaf|spine|ethernet|infiniband|ports?|NICs?|switch(?:es)?|optics|transceivers)\b)", "Gbit/s"), (r"Tbps|Tb/s|(?i:tbits?/s)(?![A-Za-z0-9])|(?i:terabits? per second)", "Tbit/s"),
    # slower links and download tiers ("a registry's 30 Mbps tier", "a 512 kbps uplink")
    (r"Mbps|Mb/s|(?i:mbits?/s)(?![A-Za-z0-9])|(?i:megabits? per second)", "Mbit/s"), (r"[kK]bps|(?i:kilobits? per second)", "kbit/s"),
    # a memory's or a link's transfers a second ("DDR5 at 8000 MT/s", "PCIe 5.0's 32 GT/s")
    (r"MT/s|MT/sec", "MT/s"), (r"GT/s|GT/sec", "GT/s"),
    (r"GBps|GB/s", "GB/s"), (r"TBps|TB/s", "TB/s"), (r"PB/s", "PB/s"), (r"(?i:gigabits?)", "Gbit"), (r"(?i:terabits?)", "Tbit"),
    (r"GBs?|gb|(?i:gigabytes?)", "GB"), (r"TBs?|tb|(?i:terabytes?)", "TB"), (r"MB|(?i:megabytes?)", "MB"),
    (r"PB|(?i:petabytes?)", "PB"), (r"(?<=[0-9])KB|kB|(?i:kilobytes?)", "kB"),
    (r"(?i:bytes)", "byte"),  # "8.1 x 10^12 bytes", "4 bytes per parameter" (plural: "1 byte" is a unit named)
    # "at 4-bit quantization", "16-bit precision": the bits each weight is stored in (not "8-bit formats",
    # a format's name)
    (r"(?i:bits?)(?=[ \t-]+(?i:quanti[sz]ation|quanti[sz]ed|precision|weights|form)\b)", "bit/parameter"),
    # "(4.25 bits per parameter)", "4 bits per weight": the unit written out
    (r"(?i:bits?[ \t]+per[ \t]+(?:parameter|weight))(?![A-Za-z])", "bit/parameter"),
    # "the float32 values ... to 1-bit values", "stored as 8-bit numbers": the bits one value is stored in
    # (bytes-per-value in bits), a quantity like "4 bytes per dimension"
    (r"(?i:bits?)(?=[ \t-]+(?i:values|numbers)\b)", "bit"),
    # "a 256-bit memory bus", "5120-bit memory bus interface", "a 384-bit bus": a memory interface's width
    (r"(?i:bits?)(?=[ \t-]+(?i:(?:wide[ \t]+)?(?:(?:GDDR[0-9]*X?|HBM[0-9]*e?|memory|unified)[ \t-]+)?(?:bus|interface))\b)", "bit"),
    (r"(?i:tokens?|toks?)", "token"), (r"(?i:parameters?|params?)", "parameter"),
    (r"[tT](?=/s(?![A-Za-z0-9]))", "token"),  # "Slow (1.7 t/s)": tokens a second, as local-inference posts write it
    # "reaches 2,689 TPS", "At 74 TPS peak": tokens a second in one symbol, as inference benchmarks write
    # it (upper case only: "tps" may be a file's or a test's name)
    (r"TPS(?![A-Za-z0-9/])", "token"),
    # "at 4 RPS", "| RPS |", "10 QPS": requests (queries) a second in one symbol, as serving benchmarks
    # write it (upper case only)
    (r"[RQ]PS(?![A-Za-z0-9/])", "query"),
    (r"ms|(?i:milli-?seconds?|msecs?)", "ms"), (r"µs|μs|(?i:micro-?seconds?)", "µs"),
    (r"ns|(?i:nano-?seconds?)", "ns"),
    # (and German's and French's periods, German's with the capital its nouns take: "8-12 Stunden pro
    # Run", "2-3 Wochen", "5–6 Jahren", "3 heures", "30 jours", "6 mois", "5 ans")
    (r"(?i:seconds?|secs?)|s|Sekunden?(?![A-Za-z])", "s"), (r"(?i:minutes?|mins?)|Minuten(?![A-Za-z])", "min"),
    (r"(?i:hours?|hrs?)|Stunden?(?![A-Za-z])|(?i:heures?)(?![A-Za-z])", "hour"),
    (r"(?i:days?)|Tagen?(?![A-Za-z])|Tage(?![A-Za-z])|(?i:jours?)(?![A-Za-z])", "day"),
    (r"(?i:weeks?)|Wochen?(?![A-Za-z])|(?i:semaines?)(?![A-Za-z])", "week"),
    (r"h(?=/d(?:ay)?(?![A-Za-z0-9]))", "hour"),  # "12h/d", "6h/day": hours a day, a duty cycle
    (r"(?i:months?)|Monate?n?(?![A-Za-z])|mois(?![A-Za-z])", "month"),
    (r"(?i:years?|yrs?)|Jahren?(?![A-Za-z])|Jahre(?![A-Za-z])|ans(?![A-Za-z])|années?(?![A-Za-z])", "year"),
    (r"GHz", "GHz"), (r"MHz", "MHz"), (r"nm", "nm"),
    # "80C", "70-75 °C", "45 degrees Celsius": a temperature on the Celsius scale; Fahrenheit the same
    (_DEGREE_SIGN + r"\s?F|(?i:degrees?[ \u00a0]+fahrenheit)", "delta_degF"),
    # (and "by even 1-2 degrees", "raise the inlet 5 degrees": a temperature with the scale left out, read
    # as Celsius, after Fahrenheit is tried; not "360 degrees" of an angle, "degrees of freedom" nor
    # "degrees" of study)
    (_DEGREE_SIGN + r"\s?C|(?<=[0-9])C|(?i:degrees?[ \u00a0]+(?:celsius|centigrade))"
     r"|(?i:degrees)(?![ \u00a0]+(?i:of|in|from|fahrenheit|f\b|west|east|north|south|rotation))", "delta_degC"),
    # "10,000 square meters", "20,000 sq ft", "500 m²": floor space
    (r"(?i:square[ -]met(?:er|re)s?|sq\.?[ ]?m(?:et(?:er|re)s?)?)|m(?:²|<sup>2</sup>)", "m2"),
    (r"(?i:square[ -](?:feet|foot)|sq\.?[ ]?f(?:ee)?t\.?)|ft(?:²|<sup>2</sup>)", "square_foot"),
    (r"FTEs?", "FTE"),
    (r"mAh|(?i:milliamp(?:ere)?[- ]hours?)", "mAh"),  # a battery's charge ("a 3,500 mAh phone battery")
    # a board's electrical figures ("a fan draws 500 mA", "an LSB of 112.5 mV", "a 10 Ω shunt") and a display's or
    # a bus's frequency ("500 Hz OLED")
    (r"mA(?![A-Za-z])|(?i:milliamp(?:ere)?s)", "mA"), (r"mV(?![A-Za-z])|(?i:millivolts?)", "mV"),
    (r"Ω|(?i:ohms?)(?![A-Za-z])", "ohm"), (r"kHz", "kHz"), (r"Hz(?![A-Za-z])", "Hz"),
    (r"(?i:millilit(?:er|re)s?)|mL|ml", "mL"), (r"(?i:lit(?:er|re)s?)|L", "liter"),
    (r"(?i:megalit(?:er|re)s?)", "megaliter"), (r"kVA|(?i:kilovolt[- ]amperes?)", "kVA"), (r"MVA", "MVA"),
    (r"(?i:kilovolts?)|kV", "kV"), (r"(?i:volts?)|V", "V"),
    (r"(?i:gallons?)", "gallon"), (r"(?i:teaspoons?)", "teaspoon"),
    (r"(?i:metric tons?|tonnes?|tons?)(?: (?i:of) " + _CO2 + r"e?q?| " + _CO2 + r"e?q?)?|t[ \u00a0]?" + _CO2 + r"(?:eq|e)?", "tCO2e"),
    (r"kg" + _CO2 + r"(?:eq|e)?|(?i:kilograms?|kg)(?: (?i:of) " + _CO2 + r"e?q?| " + _CO2 + r"e?q?)", "kgCO2e"),
    # "0.92 lbs CO2/kWh", "484 lbs CO2", "40 pounds of CO2": US writing gives emissions in pounds
    (r"(?i:pounds?|lbs?)(?: (?i:of) " + _CO2 + r"e?q?| " + _CO2 + r"e?q?)", "lbCO2e"),
    (r"g" + _CO2 + r"(?:eq|e)?|(?i:grams?|g)(?: (?i:of) " + _CO2 + r"e?q?| " + _CO2 + r"e?q?)", "gCO2e"),
]

# things a business counts, in lower case: deals struck and the places it builds or runs
_BUSINESS_ITEMS = (r"(?:deals|agreements|contracts|partnerships|acquisitions|investments|startups|sites|facilities"
                   r"|locations|countries|(?:national[ \u00a0]+)?(?:labs|laboratories))")

# things of a site's equipment and of its operation whose kind the `item` condition names ("24 PDUs",
# "11.6 million households", "2,553 batches", "5 test runs", "1 million downloads", "48 network
# switches"): plurals only ("a 200K batch" is the batch's size); only kinds the condition has a value for
# (a switch named by its network: "network", "Ethernet", "InfiniBand", "top-of-rack" switches)
#: a period after a count ("/month", "per day"): a volume per period
_PER_PERIOD_AHEAD = r"[ \t]*(?:/|per[ \t])[ \t]*(?:day|hour|week|month)s?\b"
_SITE_ITEMS = (r"(?:(?:leaf|spine|management|network|ethernet|infiniband|top[ \u00a0-]of[ \u00a0-]rack|ToR)"
               r"[ \u00a0-]+switches|PDUs"
               r"|(?:backup|standby|diesel)[ \u00a0]+generators|heat[ \u00a0]+exchangers|storage[ \u00a0]+arrays"
               r"|households|batches|(?:test|benchmark)[ \u00a0]+runs|downloads"
               # a machine's and a chip's parts the condition names (memory-module, hbm-stack, cpu-thread,
               # die, power-shelf): "2 sticks of 32GB RAM", "eight HBM stacks", "16 threads", "89 dies",
               # "four 33kW power shelves"
               r"|(?:(?:memory|RAM|DRAM|DDR[45]?)[ \u00a0]+)?(?:sticks|DIMMs)|HBM[0-9]?e?[ \u00a0]+stacks"
               r"|(?:CPU[ \u00a0]+)?threads|dies|wafers|power[ \u00a0]+shelves"
               # what a workload reads or writes and a switch's ports (message, document, academic-paper,
               # blog-post, network-port): "the last 2-3 messages", "200 PDF documents", "64 ports"
               r"|messages|(?:PDF[ \u00a0]+)?documents(?!" + _PER_PERIOD_AHEAD + r")|(?:academic|research)[ \u00a0]+papers|blog[ \u00a0]+posts|ports"
               # what a training run or a service goes through ("~90 restarts", "28-57 training cycles",
               # "20+ production deployments")
               r"|restarts|training[ \u00a0]+cycles|(?:production[ \u00a0]+)?deployments"
               # what drilling for a build-out's gas takes ("add 40 rigs")
               r"|(?:drilling[ \u00a0]+)?rigs"
               # a site's own power plant ("up to 35 unpermitted gas turbines": the gas-turbine item)
               r"|(?:[a-z]{3,15}[ \u00a0]+)?(?:gas|combustion)[ \u00a0]+turbines"
               # a cloud's footprint ("39 AWS Regions and 123 Availability Zones": cloud-region,
               # availability-zone), title case as providers write them
               r"|availability[ \u00a0]+zones|cloud[ \u00a0]+regions)")
# what a study, a market or a build-out is made of, counted in digits ("across 7 difficulty levels",
# "containing 15 benchmarks", "400 results in total", "50+ APIs", "~1200 new wells", "300 service
# centers", "100+ languages", "These 2 competitors", "<50 teams worldwide")
_STUDY_ITEMS = (r"(?:(?:difficulty|price|pricing)[ \u00a0]+)?levels|benchmarks|results|APIs|(?:new[ \u00a0]+)?wells"
                r"|service[ \u00a0]+cent(?:er|re)s|languages|competitors|teams|(?:resale[ \u00a0]+)?markets"
                r"|(?:data[ \u00a0]?cent(?:er|re)[ \u00a0]+)?projects|texts|iterations|executions|repetitions")

# The German nouns of GPUs, users and staff counted ("10.000 KI-Prozessoren", "5 Millionen
# Grafikprozessoren", "1,2 Mio. Nutzer", "mit 1.200 Beschäftigten"): COUNT_NOUNS reads their units and
# the drafts read dot-grouped digits before them as thousands (GERMAN_COUNT_NOUNS), one list for both
_DE_GPUS = r"(?:KI-)?(?:Grafikprozessoren|Grafikkarten|Prozessoren|Chips|Beschleuniger)"
_DE_USERS = r"Nutzer(?:innen)?|Nutzende[n]?"
_DE_STAFF = r"Mitarbeiter(?:innen)?|Mitarbeitende[n]?|Beschäftigte[n]?"
#: The German nouns of things counted in whole units that COUNT_NOUNS reads (GPUs, users, staff).
GERMAN_COUNT_NOUNS = "|".join((_DE_GPUS, _DE_USERS, _DE_STAFF))

#: Counted nouns: regex -> unit text (plain-number units of kb.core.units).
COUNT_NOUNS = [
    # "150-200 thousand Blackwell units", "2 million H100 units": units shipped of a GPU
    (r"(?:" + GPU_NAME + r"|Blackwell|Hopper|Ampere|Rubin|Volta|Ascend|Trainium[0-9]?|Inferentia[0-9]?|Maia|MTIA|(?i:gpu|accelerator|chip))[ \u00a0]+(?i:units)"
     # (the noun spelled out, as news writing does: "100,000 Nvidia Hopper graphics processing units")
     r"|(?i:gpus?|accelerators?|graphics cards?|graphics process(?:ing units?|ors?)|tensor processing units?"
     r"|cards|tpus?|xpus?|chips|superchips)|" + GPU_NAME + r"s?"
     # German nouns of the same ("10.000 KI-Prozessoren", "5 Millionen Grafikprozessoren")
     r"|" + _DE_GPUS, "GPU"),
    (r"(?i:servers?|nodes?|hosts?|machines)", "node"),
    # "8 hardware failures", "two outages", "0.62 events": interruptions of a job or a site
    (r"(?i:(?:hardware |node |gpu |power )?(?:failures|outages|interruptions|events))", "event"),
    (r"(?i:racks?)", "rack"),
    # a machine's processors ("176 CPU, 1450GB RAM", "8 vCPUs"): so many of them, the `item` condition names them
    (r"(?i:v?cpus?)", "item"),
    (r"(?i:users?|subscribers?|subs)|[WMD]AUs?|" + _DE_USERS, "user"),  # (German "Nutzer")
    # people counted as such ("reaching a million people"), not as a product's users: the `item` condition names them
    (r"(?i:people)", "item"),
    (r"(?i:customers?)", "customer"),
    (r"(?i:employees?|staff(?:ers)?|workers|professionals)|" + _DE_STAFF, "employee"),
    (r"(?i:words?)", "word"), (r"(?i:pages?)", "page"), (r"(?i:characters?)", "character"),
    (r"(?i:(?:training |labell?ed |human-annotated )?(?:data )?(?:examples|samples)|(?:comparison|preference) pairs)",
     "example"),
    (r"(?i:lines(?: of code)?|LOC)", "line_of_code"),
    # counted things whose kind goes in the `item` condition ("4 base models", "139 authors")
    (r"(?i:(?:(?:base|open|new|open-access|fine-tuned|instruct|LLM|AI|language|foundation|technical|cloud|GPU"
     r"|largest|biggest|major|leading|tech|infrastructure)"
     r"[ \u00a0]+){0,3}(?:models|authors|providers|companies|firms|hyperscalers|price points|GCDs|chiplets))"
     # physical things of the build-out ("seven nuclear power plants", "30 buildings", "9,100 stores")
     # (and those not built yet: "10 planned nuclear reactors", "two proposed gas plants")
     r"|(?i:(?:(?:nuclear|gas|coal|power|new|more|AI|planned|proposed)[ \u00a0]+){0,2}(?:power[ \u00a0]+)?(?:plants|reactors)"
     r"|buildings|data[ \u00a0]?cent(?:er|re)s|datacent(?:er|re)s|campuses|stores|factories|fabs"
     # a cloud's regions ("33 geographic regions", "39 AWS Regions" is _NAMED_ITEMS_RE's)
     r"|(?:(?:geographic|cloud|global|new|more)[ \u00a0]+)?regions)"
     # deals and sites of the business ("approximately 170 deals", "five more sites", "over 300 facilities")
     r"|(?i:(?:(?:more|new|other|major|separate|additional|ai|frontier)[ \u00a0]+){0,2}" + _BUSINESS_ITEMS + r")", "item"),
    (r"(?i:" + _SITE_ITEMS + r")", "item"),
    (r"(?i:" + _STUDY_ITEMS + r")", "item"),
    # a training run's optimiser steps ("65k training steps", "with 20k steps"; the `item` condition's
    # training-step), not a rate of them ("steps/s", "steps per second")
    (r"(?i:(?:training |optimi[sz]er |gradient )?steps)(?![ \t]*(?:/|per[ \t]))", "item"),
    # the tasks of a benchmark ("against 91 private tasks", "on 31 of the 91 tasks"), not a workload's
    # volume of them ("1,000 tasks/day": requests)
    (r"(?i:(?:(?:private|public|held-out|benchmark|evaluation|agentic|coding|real-world)[ \u00a0]+)?tasks)"
     r"(?![ \t]*(?:/|per[ \t]|a[ \t]+(?:day|month|week|hour)))", "item"),
    # (not "28 query heads": a model's attention heads, below)
    # images a workload generates, requests as an image's price is per request ("generates 4 images", "For 4
    # blog images:", "| 4 images per post |")
    (r"(?i:quer(?:y(?![ \u00a0]+heads\b)|ies)|requests?|reqs|req(?=[ \t]*/)|searches|prompts?|inferences|responses|(?:(?<=token )|(?<=tokens ))generations"
     r"|(?:(?:blog|generated|product)[ \u00a0]+)?images"
     r"|conversations?|chats|(?:api |tool |llm )?calls"
     # runs of a workload counted per unit of time ("780 runs/day"); "1,000 training runs" are no requests
     r"|runs(?=[ \t]*(?:/|per[ \t])[ \t]*(?:day|hour|week|month|second|minute)s?\b)"
     # what a workload handles per period, priced as requests ("1,000 generations/month", "500
     # documents/month", "100 articles/month"): a volume of requests
     r"|(?:documents|articles|generations)(?=" + _PER_PERIOD_AHEAD + r")"
     # "| 4 concurrent |", "at 16 concurrent": requests in flight, the noun left out
     r"|concurrent(?![ \u00a0]+[A-Za-z]))", "query"),
    # (an Intel GPU's "1,280 execution units", "the 1,280 EUs": its cores)
    (r"(?i:(?:cuda |tensor |stream |shader )?cores?|stream processors|execution units)|EUs", "core"),
    (r"(?i:transistors?)", "transistor"),
    (r"(?i:streaming multiprocessors|compute units)|SMs|CUs", "compute_unit"),
    (r"(?i:(?:transformer |hidden )?layers)", "x:layers"),
    (r"(?i:(?:attention |query )?heads)", "x:attention-heads"), (r"(?i:(?:kv|key-value) heads)", "x:kv-heads"),
    (r"(?i:[“\"]?experts?[”\"]?(?: models?)?)", "x:experts-total"),
    (r"(?i:(?:embedding|hidden|model) (?:dimensions?|size))", "x:hidden-size"),
    # "embeddings with 1024 dimensions", "the 1024 dimension models": an embedding vector's size
    (r"(?i:dimensions?)", "x:embedding-dimension"),
    # "128 head dimension", "a head dim of 64" aside: the size of one attention head's vectors
    (r"(?i:head[ \u00a0](?:dimensions?|dims?|size))", "x:head-dim"),
]


def _first_chars(items, icase: bool) -> tuple[set | None, bool]:
    """(the characters a parsed pattern's match may start with, None for any; whether it may
    match the empty string): a superset, erring towards "any" for what it does not read."""
    out: set = set()
    for op, av in items:
        name = str(op)
        if name in ("ASSERT", "ASSERT_NOT", "AT"):
            continue  # zero-width: the next item gives the first character
        if name == "LITERAL":
            c = chr(av)
            if icase and not c.isascii():
                return None, False  # a non-ASCII letter may fold to an ASCII one (K, ſ)
            out |= {c, c.lower(), c.upper()} if icase else {c}
            return out, False
        if name == "IN":
            for iop, iav in av:
                if str(iop) == "LITERAL":
                    c = chr(iav)
                elif str(iop) == "RANGE" and iav[1] < 128:
                    c = "".join(map(chr, range(iav[0], iav[1] + 1)))
                else:
                    return None, False
                if icase and not c.isascii():
                    return None, False
                out |= set(c) | (set(c.lower()) | set(c.upper()) if icase else set())
            return out, False
        if name == "SUBPATTERN":
            sub, nullable = _first_chars(av[3], (icase or bool(av[1] & re.IGNORECASE)) and not av[2] & re.IGNORECASE)
        elif name == "BRANCH":
            sub, nullable = set(), False
            for branch in av[1]:
                b, bn = _first_chars(branch, icase)
                sub = None if sub is None or b is None else sub | b
                nullable = nullable or bn
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            sub, nullable = _first_chars(av[2], icase)
            nullable = nullable or av[0] == 0
        else:
            return None, False
        if sub is None:
            return None, False
        out |= sub
        if not nullable:
            return out, False
    return out, True


class _ByFirstChar:
    """A named alternation ``(?:(?P<name>pat)|...)tail`` matched with only the alternatives that
    may start with the character at the match position (the regex engine otherwise tries each
    alternative in full at every position): the same matches as the whole pattern. Everything
    is built on first use, and a set of alternatives is compiled the first time a character
    needs it (importing the grammar stays cheap for ``kb check``, which reads few quotes with
    it); non-ASCII characters and the text's end use the whole pattern."""

    def __init__(self, alternatives: list[tuple[str, str]], tail: str):
        self._alts, self._tail = alternatives, tail
        self._plain: re.Pattern | None = None
        self._firsts: list | None = None
        self._table: dict[str, re.Pattern | None] = {}
        self._by_subset: dict[tuple, re.Pattern | None] = {}

    def _compile(self, subset) -> re.Pattern:
        return re.compile("(?:" + "|".join(f"(?P<{self._alts[i][0]}>{self._alts[i][1]})" for i in subset) + ")"
                          + self._tail)

    @property
    def plain(self) -> re.Pattern:
        if self._plain is None:
            self._plain = self._compile(range(len(self._alts)))
        return self._plain

    @property
    def pattern(self) -> str:
        return self.plain.pattern

    def _for(self, c: str) -> re.Pattern | None:
        """The pattern of the alternatives that may start with the ASCII character ``c``."""
        if self._firsts is None:
            firsts = []
            for _, pat in self._alts:
                try:  # re._parser is private: if a Python lacks it or it reads otherwise, any character may start `pat`
                    chars, nullable = _first_chars(re._parser.parse(pat), False)
                except Exception:  # (correct, only slower: every alternative is tried)
                    chars, nullable = None, True
                firsts.append(None if nullable else chars)
            self._firsts = firsts
        subset = tuple(i for i, f in enumerate(self._firsts) if f is None or c in f)
        if subset not in self._by_subset:
            self._by_subset[subset] = self._compile(subset) if subset else None
        rx = self._table[c] = self._by_subset[subset]
        return rx

    def match(self, text: str, pos: int = 0) -> re.Match | None:
        c = text[pos:pos + 1]
        if not c or c > "\x7f":
            return self.plain.match(text, pos)
        try:
            rx = self._table[c]
        except KeyError:
            rx = self._for(c)
        return rx.match(text, pos) if rx is not None else None


_UNIT_RE = _ByFirstChar([(f"u{i}", p) for i, (p, _) in enumerate(_UNIT_FORMS)], r"(?![A-Za-z0-9])")
_COUNT_RE = _ByFirstChar([(f"c{i}", p) for i, (p, _) in enumerate(COUNT_NOUNS)], r"(?![A-Za-z0-9])")
# words that may stand between a count and its noun: "52 million 700 W accelerators",
# "64 H100 GPUs", "12 M paying subs", "2,048 NVIDIA H800 GPUs"
_COUNT_GAP_RE = re.compile(
    r"(?:[ \u00a0]+(?:" + GPU_NAME + r"|[0-9][0-9,.]*\s?(?:W|kW|GB)|NVIDIA|Nvidia|AMD|Intel|Google|SXM5?|PCIe|NVL"
    r"|[HDM]GX"  # a system's name: "3,617 HGX A100 servers", "8 DGX H100 nodes"
    r"|Ironwood|Trillium"  # a TPU generation's name: "1 million TPUv7 Ironwood chips"
    r"|Blackwell|Hopper|Ampere|Rubin"  # a GPU family named for its architecture: "555,000 Blackwell GPUs"
    r"|Grace[ \u00a0]+(?:Blackwell|Hopper)"  # a superchip's full name: "400,000 GB200 Grace Blackwell processors"
    r"|Ascend|Trainium[0-9]?|Inferentia[0-9]?|Maia|MTIA"  # a maker's own accelerator line: "500,000 Trainium chips"
    r"|SSD|CPU|(?i:advanced|modern|older|newer|latest|cutting-edge|leading-edge|high-performance)"
    r"|(?i:active|weekly|monthly|daily|paying|paid|non-paying|unpaid|free|new|additional|more|total|unique|registered"
    r"|global|worldwide|different|distinct"
    r"|concurrent|simultaneous|virtual|buffer|spare|standby|backup|idle|healthy|faulty|failed"
    r"|enterprise|business|full-time|individual|physical|discrete|high-end|data[- ]cent(?:er|re)|AI|GPU"
    r"|compute(?! units?\b)|inference|training|CUDA|tensor|max(?:imum)?-length)"
    r"|[0-9][0-9,.]*[kK]?-(?i:tokens?|words?)))"
    r"{0,3}[ \u00a0]+")

# (digits grouped by underscores as code and cheat sheets write them: "1_920 CUDA cores", "18_432")
_NUM = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,3}(?:_[0-9]{3})+(?![0-9_])|[0-9]+)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]{1,3}(?![A-Za-z0-9]))?|\.[0-9]+"
_SPELLED = {"a": 1, "an": 1, "one": 1, "a single": 1, "one single": 1, "single": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
            "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
            "half a": 0.5, "each": 1, "every": 1, "thousand": 1000, "a dozen": 12, "half a dozen": 6, "two dozen": 24}
_SPELLED_WORDS = (r"half a dozen|a dozen|two dozen|half a|(?:a|one) single|an?|one|each|every|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
                  r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty"
                  r"|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|single")
# The scale words and letters after a number and the scale each names: one table, looked up by
# scale_name and read after a number by _SCALE_RE, whose words are derived from it. With "Mio" and
# "Mrd", the abbreviations of million and billion (Milliarde) that writers from continental Europe
# carry into English ("500 Mio tokens", "Gemini's 1Mio context"), and the German words in full
# ("400 Milliarden Dollar", "3,3 Millionen", "drei Billionen Dollar": a German Billion is a million
# millions, a trillion, and its plural is never English; the singular is left alone); and the other
# languages of continental Europe: French "96,42 milliards de dollars", "15 millions d'euros",
# Italian "miliardi", Spanish "2.000 millones", "20 mil millones" (a thousand millions), "billones"
# (a Spanish billón is a trillion), Portuguese "milhões", "bilhões". The single letters count as
# written ("M" is a million, "m" no scale); a word in any case, a no-break space read as a space.
# (the table in three parts, for the patterns that read only some of them: the letters and English
# abbreviations, the English words in full, the words and abbreviations of continental Europe)
_SCALE_LETTERS = {"k": "K", "K": "K", "M": "million", "B": "billion", "T": "trillion", "bn": "billion",
                  "mn": "million", "mln": "million", "tn": "trillion",
                  "trn": "trillion"}
_SCALE_ENGLISH = {"thousand": "thousand", "million": "million", "billion": "billion", "trillion": "trillion",
                  "quadrillion": "quadrillion"}
_SCALE_CONTINENTAL = {"mio": "million", "mrd": "billion", "mio.": "million", "mrd.": "billion", "milliarde": "billion",
                      "milliarden": "billion", "millionen": "million", "billionen": "trillion", "milliard": "billion",
                      "milliards": "billion", "millions": "million", "miliardi": "billion", "miliardo": "billion",
                      "mil millones": "billion", "millones": "million", "billones": "trillion", "mil milhões": "billion",
                      "mil milhoes": "billion", "milhões": "million", "milhoes": "million", "bilhões": "billion",
                      "bilhoes": "billion"}
_SCALE_NAME = {**_SCALE_LETTERS, **_SCALE_ENGLISH, **_SCALE_CONTINENTAL}
# (an abbreviation's period is the amount's where a currency or a counted noun follows it: "16 Mrd.
# Euro", "2,5 Mio. Tokens", "1,2 Mio. Nutzer")
_SCALE_PERIOD_AFTER = r"\.(?=[ \u00a0](?:[€$£]|(?i:euro|dollar|us-dollar|usd|eur|tokens?|parameter|nutzer|gpus)\b))"
# the words of the table (not its single letters, nor a period the pattern reads itself), longest first
_SCALE_WORDS_RE = "|".join(re.escape(w).replace(r"\ ", "[ \u00a0]")
                           + (f"(?:{_SCALE_PERIOD_AFTER})?" if w + "." in _SCALE_NAME else "")
                           for w in sorted(_SCALE_NAME, key=lambda w: (-len(w), w)) if len(w) > 1 and not w.endswith("."))
#: The scale words of continental Europe (_SCALE_CONTINENTAL, not the abbreviations' periods), longest
#: first, in any case: after a number grouped by dots they say it was written the continental way
#: ("2.000 millones", "1.500 Mio. Euro": kb.extract.drafts reads its dots as thousands).
CONTINENTAL_SCALE_RE = "(?i:" + "|".join(re.escape(w).replace(r"\ ", "[ \u00a0]") for w in sorted(
    _SCALE_CONTINENTAL, key=lambda w: (-len(w), w)) if not w.endswith(".")) + ")"


def scale_name(word: str) -> str:
    """The scale a scale word or letter names (_SCALE_NAME), as written or in any case."""
    name = _SCALE_NAME.get(word)
    return name if name is not None else _SCALE_NAME[word.lower().replace("\u00a0", " ")]


# Candidate starts. The numeric scan starts with literal characters so that the regex
# engine can skip ahead fast; spelled numbers ("two million tokens", "four times"), vague
# plurals ("billions of dollars") and multipliers in words ("twice", "a third") are found
# from rarer words.
# (US$, $, €, £, USD before a digit, a digit not inside a word or number, a leading ".5"; written
# as one character class first and each alternative's test of that character after it, so
# that the engine skips to those characters instead of trying every position)
_CAND_RE = re.compile(r"[U$€£0-9.](?:(?<=U)S\$|(?<=\$)|(?<=€)|(?<=£)|(?<=U)SD\s?(?=[0-9])|(?<=[0-9])(?<![\w.,][0-9])"
                      r"|(?<=\.)[0-9](?<![0-9,]\.[0-9]))")
_SCALE_HIT_RE = re.compile(r"(?:[Tt]housand|[Mm]illion|[Bb]illion|[Tt]rillion|times|fold|THOUSAND|MILLION|BILLION"
                           r"|TRILLION|TIMES|FOLD)")
_SPELLED_BEFORE_RE = re.compile(r"(?<![A-Za-z])(?i:" + _SPELLED_WORDS + r")[\s-]+$")
# a spelled number of more than one word, or a multiple of ten past fifty, before a scale word
# ("six hundred billion dollars", "one hundred ninety-four billion", "two hundred twenty billion",
# "three hundred sixty billion", "two and a half billion", "seventy billion"): read whole, not from
# its last word ("hundred billion" alone would be 100 billion)
_ONES_W = r"one|two|three|four|five|six|seven|eight|nine"
_TEENS_W = r"ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS_W = r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNDER_100_W = r"(?:(?:" + _TENS_W + r")(?:[\s-](?:" + _ONES_W + r"))?|" + _TEENS_W + r"|" + _ONES_W + r")"
_COMPOUND_CARDINAL = (r"(?:(?:" + _ONES_W + r")[\s-]+hundred(?:[\s-]+(?:and[\s-]+)?" + _UNDER_100_W + r")?"
                      r"|(?:" + _TENS_W + r")[\s-](?:" + _ONES_W + r")|sixty|seventy|eighty|ninety"
                      r"|(?:" + _ONES_W + r"|" + _TEENS_W + r"|" + _TENS_W + r")[\s]+and[\s]+a[\s]+half)")
_COMPOUND_SCALED_RE = re.compile(r"(?i:" + _COMPOUND_CARDINAL + r")(?=[\s-]+(?i:thousand|million|billion|trillion)\b)")
_COMPOUND_BEFORE_RE = re.compile(r"(?<![A-Za-z])(?i:" + _COMPOUND_CARDINAL + r")[\s-]+$")
_VAGUE_BEFORE_RE = re.compile(r"(?<![A-Za-z])(?i:tens|hundreds)\s+of\s+$")
# a share said as so many of every so many ("one in five", "one out of every two dollars", "nine out of
# ten"), not "one in two years"
_ONE_IN_TAIL = (r"[\s-]+(?i:out[\s-]+of|in)[\s-]+(?:(?i:every)[\s-]+)?(?i:two|three|four|five|six|seven|eight|nine|ten"
                r"|twenty|hundred|thousand)(?![A-Za-z-])(?![\s-]+(?i:hours?|days?|weeks?|months?|years?|decades?)\b)")
_WORD_HIT_RE = re.compile(
    r"(?<![A-Za-z-])(?i:twice|thrice|doubl(?:e[sd]?|ing)|tripl(?:e[sd]?|ing)|quadrupl(?:e[sd]?|ing)"
    r"|halv(?:e[sd]?|ing)|half|(?:a|one|two|three|four)[\s-](?:third|quarter|fifth|sixth|seventh|eighth|ninth"
    r"|tenth|twelfth|fifteenth|twentieth|hundredth|thousandth)s?|two-thirds|three-quarters"
    r"|(?:two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundred|thousand)fold|flat"
    r"|(?:an|one|two|three)[\s-]orders?[\s-]of[\s-]magnitude"
    r"|(?:one|two|three|four|five|six|seven|eight|nine|ten)" + _ONE_IN_TAIL + r")(?![A-Za-z-])"
    r"|(?<![0-9/.])1/[1-9][0-9]*(?:\.[0-9]+th|th|rd|nd)?(?![0-9/]|\.[0-9])")


# companies counted in words, after what sets them apart ("the four largest cloud firms"), in
# lower case (the spelled-count patterns below read it case-insensitively or on lower-cased text)
_COMPANY_COUNT_NOUNS = (r"(?:(?:largest|biggest|major|leading|tech|cloud|infrastructure|ai)[\s-]+){0,3}"
                        r"(?:companies|firms|providers|hyperscalers)")
# "about a terabyte", "nearly a gigawatt": one of a unit named in full
_A_UNIT_WORDS = r"terabyte|gigabyte|petabyte|kilowatt|megawatt|gigawatt|terawatt"
# the second word of a spelled range of durations ("two to three years", "four or five months")
_RANGE_SECOND_WORDS = (r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
                       r"|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty")
# "one request at a time", "requests one at a time": one request in flight
_AT_A_TIME = r"(?:[ \t]+(?i:request|query|prompt|call|job)s?)?[ \t]+(?i:at[ \t]+a[ \t]+time)\b"
# a card by its maker and number or a gaming card's number ("four NVIDIA RTX Pro 6000 GPUs", "two 3090s")
_MAKER_CARD_COUNTED = (r"(?i:nvidia|amd)\s+(?i:(?:" + CARD_SERIES.lower() + r")\s+){0,3}" + CARD_NUMBER
                       + r"|" + GAMING_CARD_NUMBER + r"s\b")
# a bare "single" before GPUs: not after an article or a word that makes it no count
_BARE_SINGLE_NOT_AFTER = r"(?<!(?i:a) )(?<!(?i:one) )(?<!(?i:any) )(?<!(?i:each) )(?<!(?i:every) )(?<!(?i:the) )"
_BARE_SINGLE_NOUNS = r"(?i:gpus?|cards?|accelerators?)\b"
_SPELLED_COUNT_HIT_RE = re.compile(
    r"(?<![A-Za-z-])(?i:(?:a|one) single|half a dozen|a dozen|two dozen|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty"
    r"|thirty|forty|fifty|hundred)(?=[\s-]+(?:[“\"]?(?i:experts?|gpus?|cards|accelerators|layers|heads|nodes?|servers?|hosts?|racks?"
    r"|hbm[0-9]?e?[\s-]+stacks"
    r"|minutes?|hours?|days?|weeks?|months?|years?|decades?"
    # a site's or a cluster's power in words ("could scale up to five gigawatts", "two megawatts")
    r"|(?:kilo|giga|mega|tera)watts\b"
    r"|" + _COMPANY_COUNT_NOUNS + r"|(?:(?:more|new|other|major|separate|additional|ai|frontier)[\s-]+){0,2}" + _BUSINESS_ITEMS + r")"
    r"|(?i:and a half|-?plus)[\s-]+(?i:hours?|days?|weeks?|months?|years?)\b"
    r"|(?i:to|or)[\s-]+(?i:" + _RANGE_SECOND_WORDS + r")[\s-]+(?i:hours?|days?|weeks?|months?|years?|decades?|times|fold)\b"
    r"|(?i:percent|per cent)\b"
    r"|" + _MAKER_CARD_COUNTED +
    r"|" + GPU_NAME + r"))"
    r"|(?<![A-Za-z-])(?i:thousand)(?=[\s-]+(?i:percent|per cent)\b)"
    # "Limited to single GPU configurations", "**Single GPU only**": one GPU, the article left out
    # (not "a single", "one single", read above, nor "any single GPU", "every single GPU": no count)
    r"|(?<![A-Za-z-])" + _BARE_SINGLE_NOT_AFTER + r"(?i:single)(?=[ \t]+" + _BARE_SINGLE_NOUNS + r")"
    r"|(?<![A-Za-z-])(?i:an?|one)(?=[\s-]+(?i:decades?|" + _A_UNIT_WORDS + r")\b)"
    r"|(?<![A-Za-z-])(?i:one)(?=" + _AT_A_TIME + r"|[\s-]+(?i:hour|day|week|month|year)\b)")
# The same hits on lower-cased text with case-sensitive patterns, which the regex engine
# scans several times faster (the candidate scan is a good share of the extractor's time).
_WORD_HIT_LOW_WORDS = (
    r"[tdqhaofsen1](?<![a-z-][tdqhaofsen1])(?:wice|hrice|oubl(?:e[sd]?|ing)|ripl(?:e[sd]?|ing)|uadrupl(?:e[sd]?|ing)"
    r"|alv(?:e[sd]?|ing)|alf|(?:|ne|wo|hree|our)[\s-](?:third|quarter|fifth|sixth|seventh|eighth|ninth"
    r"|tenth|twelfth|fifteenth|twentieth|hundredth|thousandth)s?|wo-thirds|hree-quarters"
    r"|(?:wo|hree|our|ive|ix|even|ight|ine|en|wenty|ifty|undred|housand)fold|lat"
    r"|(?:n|ne|wo|hree)[\s-]orders?[\s-]of[\s-]magnitude"
    r"|(?:(?<=o)ne|(?<=t)wo|(?<=t)hree|(?<=f)our|(?<=f)ive|(?<=s)ix|(?<=s)even|(?<=e)ight|(?<=n)ine|(?<=t)en)"
    + _ONE_IN_TAIL.replace("(?i:", "(?:") + r")(?![a-z-])")
_FRACTION_HIT_LOW = re.compile(r"1(?<![0-9/.]1)/[1-9][0-9]*(?:th|rd|nd)?(?![0-9/])")
_WORD_HIT_LOW = re.compile(_WORD_HIT_LOW_WORDS + "|" + _FRACTION_HIT_LOW.pattern)
_SCALE_HIT_LOW = re.compile(r"thousand|million|billion|trillion|times|fold")
_SPELLED_COUNT_LOW = re.compile(
    r"[aotfsenh](?<![a-z-][aotfsenh])(?:(?: single|ne single)|(?<=h)alf a dozen|(?<=a) dozen|(?<=t)wo dozen|wo|hree|our|ive|ix|even|ight|ine|en|leven|welve|hirteen"
    r"|ourteen|ifteen|ixteen|eventeen|ighteen|ineteen"
    r"|wenty|hirty|orty|ifty|undred)(?=[\s-]+(?:[“\"]?(?:experts?|gpus?|cards|accelerators|layers|heads|nodes?|servers?|hosts?"
    r"|hbm[0-9]?e?[\s-]+stacks"
    r"|racks?|minutes?|hours?|days?|weeks?|months?|years?|decades?|(?:kilo|giga|mega|tera)watts\b|(?:(?:nuclear|gas|coal|power|new|more)[\s-]+){0,2}"
    r"(?:plants|reactors)|buildings|data ?cent(?:er|re)s|datacent(?:er|re)s|campuses|factories|fabs"
    r"|" + _COMPANY_COUNT_NOUNS + r"|(?:(?:more|new|other|major|separate|additional|ai|frontier)[\s-]+){0,2}" + _BUSINESS_ITEMS + r")"
    r"|(?:and a half|-?plus)[\s-]+(?:hours?|days?|weeks?|months?"
    r"|years?)\b|(?:to|or)[\s-]+(?:" + _RANGE_SECOND_WORDS + r")[\s-]+(?:hours?|days?|weeks?|months?|years?|decades?|times|fold)\b"
    # (GPU_NAME's start as a looser cue on lower-cased text: "tpu" with no number, but no "gaudi",
    # "rtx" nor "x/" prefix; the hits are only where a quantity may start)
    r"|per ?cent\b|(?:gb|[abhltv])[0-9]{2,3}|mi[0-9]{3}|tpu"
    r"|" + _MAKER_CARD_COUNTED.replace("(?i:", "(?:") + r"))"
    r"|thousand(?<![a-z-]thousand)(?=[\s-]+per ?cent\b)"
    r"|single(?<![a-z-]single)(?<!a single)(?<!one single)(?<!any single)(?<!each single)(?<!every single)"
    r"(?<!the single)(?=[ \t]+" + _BARE_SINGLE_NOUNS.replace("(?i:", "(?:") + r")"
    r"|a(?<![a-z-]a)(?=[\s-]+(?:decades?|" + _A_UNIT_WORDS + r")\b)"
    r"|one(?<![a-z-]one)(?=[\s-]+(?:" + _A_UNIT_WORDS + r"|hour|day|week|month|year)\b|" + _AT_A_TIME + r")")
# Both patterns' hits (but fractions) start a word: one scan tries them after each character that
# is not a letter or hyphen (a few in a text's characters, where the patterns' first letters are
# many) and before one of those first letters, in lookaheads so that every position is tried; the
# scans' non-overlapping choice is then made as finditer makes it (:func:`_leftmost`).
_WORD_START_HITS_LOW = re.compile(r"[^a-z-](?=[tdqhaofsen1])(?:(?=(?P<w>" + _WORD_HIT_LOW_WORDS + r"))(?=(?P<s>"
                                  + _SPELLED_COUNT_LOW.pattern + r"))?|(?=(?P<s2>" + _SPELLED_COUNT_LOW.pattern + r")))")
_WORD_HIT_LOW_WORDS_RE = re.compile(_WORD_HIT_LOW_WORDS)


def _leftmost(spans: dict) -> list[int]:
    """The starts finditer gives from the spans of a pattern's match at each position where it
    matches: the leftmost, then the leftmost from its end on, and so on."""
    out, last = [], 0
    for s in sorted(spans):
        if s >= last:
            out.append(s)
            last = spans[s]
    return out


def _word_hits_low(low: str) -> list[int]:
    """The starts of ``_WORD_HIT_LOW.finditer(low)`` then of ``_SPELLED_COUNT_LOW.finditer(low)``."""
    words = {m.start(): m.end() for m in _FRACTION_HIT_LOW.finditer(low)}  # (the first alternative wins)
    spelled = {}
    for m in _WORD_START_HITS_LOW.finditer(low):
        w, sp = m.span("w"), m.span("s2") if m.start("s") < 0 else m.span("s")
        if w[0] >= 0:
            words[w[0]] = w[1]
        if sp[0] >= 0:
            spelled[sp[0]] = sp[1]
    for rx, spans in ((_WORD_HIT_LOW_WORDS_RE, words), (_SPELLED_COUNT_LOW, spelled)):
        m = rx.match(low)  # (at 0, with no character before)
        if m:
            spans[0] = m.end()
    return _leftmost(words) + _leftmost(spelled)


# a multiplier in number words after "a factor of" ("a factor of two", "a factor of two to three"),
# on lower-cased text
_FACTOR_WORD_VALUES = {w: float(v) for w, v in _SPELLED.items() if re.fullmatch(r"[a-z]+", w) and 2 <= v <= 100}
_FACTOR_WORD_ALT = "|".join(sorted(_FACTOR_WORD_VALUES, key=len, reverse=True))
_FACTOR_WORDS_RE = re.compile(r"(?:about |around |roughly |nearly |almost |over |~)?(?P<a>" + _FACTOR_WORD_ALT
                              + r")(?:[\s-]+(?:to|or)[\s-]+(?P<b>" + _FACTOR_WORD_ALT + r"))?(?![a-z0-9-])"
                              r"(?![ \t]+(?:of|percent|per)\b)")


def factor_words_at(text: str, pos: int) -> tuple[int, int, float, float] | None:
    """A multiplier in number words after "factor of" at ``pos`` ("by a factor of two" 2x, "a
    factor of two to three" 2-3x): (start, end, low, high) or None. A range that does not rise
    is none."""
    if not text[max(0, pos - 16):pos].lower().rstrip().endswith("factor of"):
        return None
    m = _FACTOR_WORDS_RE.match(text[pos:pos + 60].lower())
    if m is None:
        return None
    lo = _FACTOR_WORD_VALUES[m.group("a")]
    hi = _FACTOR_WORD_VALUES[m.group("b")] if m.group("b") else lo
    if hi < lo or m.group("b") and hi == lo:
        return None
    return pos + m.start("a"), pos + m.end(), lo, hi


def candidate_starts(text: str, lowered: str | None = None) -> list[int]:
    """Where a quantity may start: digits and currency signs, and the words that begin
    spelled numbers, multipliers and vague plurals. ``lowered``: ``text.lower()`` when the
    caller has it."""
    out = [m.start() for m in _CAND_RE.finditer(text)]
    low = text.lower() if lowered is None else lowered
    if len(low) == len(text):
        extra = _word_hits_low(low)
        scale_hits = _SCALE_HIT_LOW.finditer(low)
    else:  # a few characters change length when lower-cased: scan the text itself
        extra = [m.start() for m in _WORD_HIT_RE.finditer(text)]
        extra += [m.start() for m in _SPELLED_COUNT_HIT_RE.finditer(text)]
        scale_hits = _SCALE_HIT_RE.finditer(text)
    if len(low) == len(text) and ("illi" in low or "prozent" in low or "pour cent" in low or "mrd." in low
                                  or "mio." in low):
        for m in _FOREIGN_SCALE_HIT_LOW.finditer(low):
            p = m.start()
            if p > 2 and low[p - 2].isalpha() \
                    and (sm := _FOREIGN_SPELLED_BEFORE_LOW.search(low, max(0, p - 12), p)) is not None:
                extra.append(sm.start())  # "drei Billionen Dollar", "zehn Prozent", "deux milliards"
    for m in scale_hits:
        p = m.start()
        if p and text[p - 1].isalpha():
            continue
        window_lo = max(0, p - 16)
        sm = _SPELLED_BEFORE_RE.search(text, window_lo, p)
        if sm or text[p - 5:p - 1].lower() == "half":
            cm = _COMPOUND_BEFORE_RE.search(text, max(0, p - 44), p)
            if cm:
                sm = cm  # "six hundred billion": the whole number, not its last word
        if sm:
            extra.append(sm.start())
        vm = _VAGUE_BEFORE_RE.search(text, window_lo, p)
        if vm:
            extra.append(vm.start())
        elif text[m.end():m.end() + 1] in ("s", "S"):
            extra.append(p)  # "billions of ..."
        if text[m.end():m.end() + 7] == "-dollar":
            extra.append(p)  # "the trillion-dollar cluster": a thing of that cost (drafts reads it)
    i = low.find("factor of ") if len(low) == len(text) else -1
    while i >= 0:  # "by a factor of two", "a factor of two to three": a multiplier in words (a rare phrase)
        fm = _FACTOR_WORDS_RE.match(low, i + 10)
        if fm:
            extra.append(fm.start())
        i = low.find("factor of ", i + 10)
    extra.extend(m.start() + 1 for m in _X_BEFORE_RE.finditer(text))  # "x3.04": the number after the sign
    if "×" in text:
        extra.extend(m.start() + 1 for m in _TIMES_BEFORE_RE.finditer(text))
    if any(code in text for code in FOREIGN_CURRENCIES):
        # "EUR 13.698", "AUD 2,000": a currency's code before the amount (plain substring tests first)
        extra.extend(m.start() for m in _CODE_BEFORE_RE.finditer(text))
    if extra:
        out = sorted(set(out).union(extra))
    return out


# the codes of the vocabulary's currencies other than the dollar (kb/core/units.txt), one alternation
# (not "CNY" before a year: "CNY 2025" is more often Chinese New Year than 2,025 yuan)
_CODE_ALT = "|".join(c + r"(?![ \u00a0]?(?:19|20)[0-9]{2}(?![0-9.,]))" if c == "CNY" else c for c in FOREIGN_CURRENCIES)
# such a code, not inside a word
_CODES = r"(?:" + _CODE_ALT + r")(?<![A-Za-z][A-Z]{3})"
# such a code before an amount ("EUR 13.698"), looked for only in texts that have one; not before
# a dimension count ("a CAD 3D model": computer-aided design, not 3 Canadian dollars)
_CODE_BEFORE_RE = re.compile(_CODES + r"[ \u00a0]?(?=[0-9])(?![0-9][Dd]\b)")
# a number spelled in German or French before a scale word or a percentage ("drei Billionen Dollar", "zehn
# Milliarden Dollar", "eine Milliarde Euro", "zwanzig Prozent", "deux milliards de dollars"): German's
# and French's words for the numbers a writer spells before them (compounds such as "einundachtzig" left out)
_FOREIGN_SPELLED = {"ein": 1, "eine": 1, "einer": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6,
                    "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "zwanzig": 20,
                    "dreißig": 30, "vierzig": 40, "fünfzig": 50, "hundert": 100, "un": 1, "une": 1, "deux": 2,
                    "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8, "neuf": 9, "dix": 10,
                    "douze": 12, "vingt": 20, "trente": 30, "cinquante": 50}
# (not the singular "Billion": German's is a trillion, English's a billion, and the scale reads it as English's)
_FOREIGN_SCALE_AHEAD = (r"(?=[ \u00a0]+(?:Milliarden?|Millionen|Million|Billionen|Mrd\.|Mio\.|Prozent"
                        r"|milliards?|millions?|pour[ \u00a0]cent)(?![\w-]))")
_FOREIGN_SPELLED_ALT = "|".join(sorted(_FOREIGN_SPELLED, key=len, reverse=True))
_NUM_AT = re.compile(
    r"(?P<cur>US\$|\$|€|£|USD\s?|" + _CODES + r"\s?(?=[ \u00a0]?[0-9]))?[ \u00a0]?(?P<num>" + _NUM + r")"
    r"|(?P<word>(?i:" + _SPELLED_WORDS + r"))\b"
    r"|(?P<fword>(?i:" + _FOREIGN_SPELLED_ALT + r"))" + _FOREIGN_SCALE_AHEAD)
# (where such a word may start: found from the scale word or percentage after it, on lower-cased text)
_FOREIGN_SCALE_HIT_LOW = re.compile(r"(?:milliard|million|billionen|mrd\.|mio\.|prozent|pour cent)")
_FOREIGN_SPELLED_BEFORE_LOW = re.compile(r"(?<![\w-])(?:" + _FOREIGN_SPELLED_ALT + r")[ \u00a0]$")
#: the currency of a sign or code before an amount
_CUR_OF_SIGN = {"€": "EUR", "£": "GBP", **{code: code for code in FOREIGN_CURRENCIES}}
#: the currency of a dollar sign with a country's letters glued before it ("US$1.20", "AU$2000",
#: "A$5", "C$1800", "CA$40"); another country's dollar ("NZ$", "HK$", "S$") is no currency of the vocabulary
#: (kb/core/units.txt), so it gives no claim rather than a wrong USD one (dollar_prefix)
_DOLLAR_PREFIXES = {"US": "USD", "AU": "AUD", "A": "AUD", "CA": "CAD", "C": "CAD", "CDN": "CAD"}
#: a dollar amount's currency named by its code after it ("$40 CAD", "$1.5 million AUD", "$25 CDN"):
#: that country's dollar, not the US one the sign alone reads as
_DOLLAR_CODE_CUR = {"USD": "USD", "CAD": "CAD", "AUD": "AUD", "CDN": "CAD"}
#: (not when a noun follows the code: "a $3,000 CAD workstation" is computer-aided design, as a
#: currency sign's amount before a noun is no amount of that currency)
_DOLLAR_CODE_AFTER_RE = re.compile(r"[ \u00a0](?P<c>USD|CAD|AUD|CDN)\b(?![ \u00a0]?[$0-9])"
                                   r"(?![ \u00a0]+(?!(?:per|a|an|in|for|each|or|and|to|of|from|on|at|by|with|"
                                   r"was|is|were|are|the|plus|vs|versus|monthly|annually|yearly|daily|hourly)\b)[a-z])")
_DOLLAR_PREFIX_RE = re.compile(r"(?<![A-Za-z0-9])[A-Z]{1,3}$")


def dollar_prefix(text: str, pos: int) -> tuple[int, str | None] | None:
    """(where the letters start, their currency or None when the vocabulary lacks it) for the
    capital letters glued before the "$" at ``pos`` ("AU$2000"); None when there are none."""
    if not pos or not "A" <= text[pos - 1] <= "Z":
        return None
    m = _DOLLAR_PREFIX_RE.search(text, max(0, pos - 3), pos)
    return None if m is None else (m.start(), _DOLLAR_PREFIXES.get(m.group()))


def unknown_currency_end(text: str, pos: int) -> int | None:
    """Where the amount after the "$" at ``pos`` ends when that dollar is another country's
    ("NZ$40", "HK$300"): a reader skips it whole (no claim in a currency it cannot name)."""
    dp = dollar_prefix(text, pos) if text[pos:pos + 1] == "$" else None
    if dp is None or dp[1] is not None:
        return None
    m = _NUM_AT.match(text, pos + 1)
    return m.end() if m is not None and m.group("num") else pos + 1
# an amount right before "each"/"every" ("$3 for every million tokens", "2 GB per each billion"): its denominator
_AMOUNT_BEFORE_RE = re.compile(r"(?<![A-Za-z0-9-])[$€£]?[0-9][0-9.,]*\s*[A-Za-z%]*\s+(?:(?:for|of|on|per|in)\s+)?$")
# a power of ten written out, after a number ("2.1 × 10^25", "3 x 10²³", "1.5 * 10**24") or alone
# ("10^24 FLOPs", "10²⁵"): the exponent after a caret, two stars, in superscript digits or in an
# HTML superscript ("3.8 × 10<sup>25</sup>", as pages converted from HTML keep it)
_POW10 = (r"10[ \u00a0]*(?:(?:\^|\*\*)[ \u00a0]*\{?(?P<e>[-−]?[0-9]{1,2})\}?(?![0-9])|(?P<s>⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2})"
          r"|<sup>(?P<h>[-−]?[0-9]{1,2})</sup>)")
_POW10_AT_RE = re.compile(_POW10)
# an exponent written after a plus with its "e" dropped, before FLOPs ("3.14+23 FLOPs", "~2.16+22 FLOPs")
_PLUS_EXP_FLOP_RE = re.compile(r"\+(?P<e>[1-3][0-9])(?=[ \t\u00a0]*(?:FLOPs?|FLOP/s|FLOPS)(?![A-Za-z]))")
_TIMES_POW10_RE = re.compile(r"[ \u00a0]*[x×*·][ \u00a0]*" + _POW10)
_SFX_RE = re.compile(r"(?P<s>bn|mn|mln|trn|tn|[kKMB]|T(?!/s(?![A-Za-z0-9])))(?:'s)?(?![A-Za-z0-9])")
# a lower-case "m" for million before what is counted ("2.8m GPU hours", "900m users"); (two cards'
# hours by name only, not every GPU_NAME's)
_M_COUNT_AFTER_RE = re.compile(r"[ \t\u00a0]+(?:(?:H100|A100|GPU|accelerator)[ -]hours?|GPUs|users|people|tokens|parameters"
                               r"|subscribers|customers|homes|households|downloads|visitors|chips|words|queries"
                               r"|requests)\b")
# a lower-case "b" for billion before a model's size words ("33b GPTQ models", "a 52b params model",
# "the full 52b model"): so many parameters, as "33B" reads
_B_MODEL_AFTER_RE = re.compile(r"(?:[ \t\u00a0]+|-)(?:params?|parameters?|models?|GPTQ|GGUF|AWQ|LLMs?|dense|MoE)\b")
_SPACED_SFX_RE = re.compile(r"[ \u00a0](?P<s>bn|tn|[kKMB]|T(?!/s(?![A-Za-z0-9])))(?![A-Za-z0-9])")
_SCALE_RE = re.compile(r"[\s\u00a0-]+(?P<s>(?i:" + _SCALE_WORDS_RE + r"))(?!\w)")
# a whole scale word glued to the digits ("$4.6million", "50million+ queries", "1Mio"), tried where one of
# its first letters follows the number
# (the English words in full, and the continental abbreviations of three letters capitalised as written)
_GLUED_SCALE_RE = re.compile(r"(?P<s>(?i:" + "|".join(_SCALE_ENGLISH) + ")|"
                             + "|".join(w.capitalize() for w in _SCALE_CONTINENTAL if len(w) == 3) + r")\b")
_GLUED_FIRSTS = frozenset("".join(w[0] + w[0].upper() for w in _SCALE_ENGLISH) + "".join(
    w[0].upper() for w in _SCALE_CONTINENTAL if len(w) == 3))
_TIMES_SIGNS = frozenset("x×")
# what a height in rack units goes before: "4U GPU Servers", "42U Server Racks", "a 2U chassis"
_RACK_UNIT_AFTER_RE = re.compile(r"[ \t\u00a0-]+(?:(?:GPU|AI|compute|storage|rackmount|rack-mount)[ \t-]+)?"
                                 r"(?i:servers?|racks?|chassis|nodes?|enclosures?|form[ \t-]factor"
                                 r"|cabinets?)\b")
_MEMORY_KIT_RE = re.compile(r"[ \u00a0]?(?P<x>[x×])[ \u00a0](?P<n>[0-9]{1,3})[ \u00a0]?GB[ \u00a0]+(?:[A-Za-z0-9-]+[ \u00a0]+){0,2}?"
                            r"(?:(?:LP)?DDR[0-9]?|RAM|(?:R|SO-?)?DIMMs?)\b")
_RATIO_RE = re.compile(r"(?:[x×](?![A-Za-z0-9])|[\s-]*(?i:times\b|fold\b)"
                       # "4.7 x faster", "1.67 x vs. v5e": a spaced "x" before a word of comparison
                       r"|[ \u00a0][x×](?=[ \u00a0]+(?i:faster|slower|cheaper|costlier|more|less|fewer|higher|lower"
                       r"|better|worse|larger|smaller|bigger|greater|the|vs\.?|versus|over|improvement|increase"
                       r"|gain|speed-?up|performance|efficiency)\b)"
                       # "a 1.4X increase over H100": a capital "X" glued to a decimal, before a word of
                       # comparison (not "Ryzen 5 5600X", a part's name; a whole number's "30X Higher" in a
                       # quoted headline is left as it was)
                       r"|(?:(?<=[0-9]\.[0-9])|(?<=[0-9]\.[0-9]{2}))X(?=[ \u00a0]+(?i:faster|slower|cheaper|more|less"
                       r"|fewer|higher|lower|better|worse|larger|smaller|bigger|greater|improvement|increase|gain"
                       r"|speed-?up|performance|efficiency)\b))")
# a multiple written with its sign before the number, as some benchmark writing puts it ("a x3.04
# speedup", "| Speedup | x1.0 | x3.53 |", "x2.44 faster than A100"): a decimal not glued to a letter,
# or a whole number before a word of comparison (not "PCIe 4.0 x16", "x86", "Fan (x4)", "1920x1080")
# (the sign first, its look-behind after it: the engine skips to the sign)
_X_AFTER_SIGN = (r"(?:[0-9]{1,4}\.[0-9]{1,3}(?![0-9.,A-Za-z%])"
                 r"|[0-9]{1,4}(?=[ \t]+(?i:faster|slower|cheaper|higher|lower|speed-?ups?)\b))")
# (the letter first, then its digit: the engine skips to an "x" and most fail at once; the sign
# "×" is looked for only in a text that has one)
_X_BEFORE_RE = re.compile(r"x(?=[0-9])(?<![\w.]x)" + _X_AFTER_SIGN)
_TIMES_BEFORE_RE = re.compile(r"×(?=[0-9])(?<![\w.]×)" + _X_AFTER_SIGN)
# after "N times": how often, so many occurrences per something ("5 times for each engine", "four
# times per layer"), not a multiplier
# (not "3 times a day", "twice per week": a frequency, so many a unit of time)
# ("we test six prompts ... 30 times each.": each of them so often, "each" closing the clause)
_OCCURRENCE_RATE_RE = re.compile(r"[ \t]+(?:(?:(?i:per|each|every)|(?i:for[ \t]+(?:each|every)))[ \t]+"
                                 r"(?!(?i:day|week|month|year|hour|minute|second|quarter)s?\b)[A-Za-z]"
                                 r"|(?i:each)[ \t]*(?:[.,;:!?)]|$))")
# what a benchmark or a study tries, in digits ("tested 60 configurations", "over 60 different deployment
# configurations", "we tested 3 model sizes"): so many items. (Spelled, "two configurations", "four
# options", they frame a comparison that curations mostly leave out.)
_CONFIGS_RE = re.compile(r"[ \t]+(?:(?:different|distinct|separate|unique)[ \t]+)?(?:(?:deployment|hardware|model"
                         r"|benchmark|test|serving)[ \t]+)?(?:configurations|configs|(?<=model )sizes)(?![A-Za-z0-9])")
# "a total of" right before a count, and a plain lower-case plural after it ("a total of 10 articles")
_TOTAL_OF_BEFORE_RE = re.compile(r"(?i)\ba[ \t]+total[ \t]+of[ \t]+(?:about[ \t]+|around[ \t]+|~)?$")
_PLURAL_NOUN_RE = re.compile(r"[ \t]+[a-z]{2,}[a-rt-z]s(?![A-Za-z0-9-])")
# a verb of doing a thing again before "N times" ("we ran each test 5 times", "the request is retried
# three times"): how often it was done
_REPEAT_VERB_BEFORE_RE = re.compile(r"(?i)\b(?:ran|run|runs|re-?ran|repeated|repeats?|repeating|called|calls|executed"
                                    r"|retried|retries|tested|sampled|measured|queried|benchmarked|invoked|attempted"
                                    r"|performed|evaluated|evaluates?|evaluating|re-?evaluated|prompted)\b[^.;:!?\n]{0,30}$")
# what a multiplier's "times" goes on to compare ("5 times more", "3 times the cost", "10 times as much")
_TIMES_COMPARED_RE = re.compile(r"[ \t]+(?i:more|less|fewer|faster|slower|higher|lower|cheaper|costlier|pricier|larger|smaller"
                                r"|bigger|greater|better|worse|longer|shorter|the|as|that|what|its|their|our|this|over|than"
                                r"|above|below|stronger|weaker)\b")
# (percentage points, "1-2 pp", "3 percentage points", "a 5-point rise in share" aside, are recorded in
# percent; German's "19,9 Prozent" is a percentage too)
_PCT_RE = re.compile(r"\s?%|\s(?i:percent|per cent|pct|prozent)\b|[ \u00a0]?pp(?![A-Za-z0-9.])|[ \u00a0]?pp(?=\.(?:\s|$))"
                     r"|[ \u00a0](?i:percentage[ \u00a0-]points?|ppts?)\b")
# a percentage written in points ("3 percentage points", "5 pp", "2 ppts"): a difference of two
# percentages, not a part of a whole nor a relative change
_POINTS_RE = re.compile(r"[0-9][ \u00a0]?(?:pp|ppts?|(?i:percentage[ \u00a0-]points?))(?![A-Za-z0-9])")


def in_points(text: str, start: int, end: int) -> bool:
    """Whether the percentage written at [start, end) of ``text`` is in percentage points."""
    return _POINTS_RE.search(text, start, end) is not None


# a dollar sign that may open math: not one written after an amount ("6,88 $ bei AWS, 6,98 $ bei
# Azure"), nor an escaped one ("\\$2.50")
_MATH_SIGN_RE = re.compile(r"(?<![0-9\\])(?<![0-9][ \u00a0])\$")


def _math_open_before(text: str, start: int) -> bool:
    """Whether a dollar sign that may open math stands before ``start`` on its line."""
    line = text.rfind("\n", 0, start) + 1
    return "$" in text[line:start] and _MATH_SIGN_RE.search(text, line, start) is not None


# a currency's sign right after an amount read in that currency already ("0,31 $ bis 0,33 $")
_SIGN_SFX_RE = re.compile(r"[ \u00a0]?([$€])(?![\w$\\{^_])")
# (and German's and French's after their spelled numbers: "zwanzig Prozent", "dix pour cent")
_SPELLED_PCT_RE = re.compile(r"[\s-]+(?i:percent|per cent)\b|[ \u00a0]+(?:Prozent|pour[ \u00a0]cent)\b")
# (the euro's sign or code after the amount, "40€", "560 €", "13.698 EUR", but a spaced one not before
# another amount: "in 2024 €5 billion" is a year, then euros; "46€ 1300w" is 46 euros; the dollar
# sign glued after its amount too, "~6000$", "30k$", but not math closed or opened, "$n = 8$", "2$\times$";
# and spaced after it, as French and German writing place it, "6,88 $ bei AWS", "3 $ par million")
_CUR_SFX_RE = re.compile(r"[ \u00a0]?¢|[€£](?![0-9])|[ \u00a0]?\$(?![\w$\\{^_])|[ \u00a0][€£](?![ \u00a0]?[0-9])|\s+(?:(?i:US[ -]dollars?|dollars?)\b|USD\b"
                         # ("96,42 milliards de dollars", "2,9 millones de dólares", "15 millions d'euros")
                         r"|(?i:d[e'’]|di)[ \u00a0]?(?i:dollars?|d[óo]lares|dollari|euros?)\b"
                         r"|(?i:euros?)\b|(?:" + _CODE_ALT + r")\b(?![ \u00a0]?[0-9])|(?i:cents?)\b"
                         # (the yuan by its name, as English news on China writes it: "22bn yuan ($3bn)")
                         r"|(?i:yuan|renminbi)\b|RMB\b)")
# Thousands grouped by spaces, as French, German and SI style write them, read as written with
# commas (space_thousands), in three places:
# - anywhere: two or more groups of three after a plain space ("10 000 000 000 Watt"), or one "000"
#   (no number starts with it: "100 000 GPUs"), or one or more after a no-break or a thin space
#   ("10\u202f000 GPUs"); not next to another digit, a decimal point or a comma ("in 2024 100 000":
#   no group; "He had 3 500 GPUs": a 3, then 500 GPUs);
# - in an amount: one group or more where a currency's sign or code stands after them ("1 500 €",
#   "12 000 EUR") or before them ("€1 500 000", "EUR 1 500") and no digit goes on; never after a
#   dollar sign ("$20 100 messages" is $20, then a count);
# - in a table cell the number fills ("| 14 592 |", "| **16 896** |").
_SPACE_GROUPS_RE = re.compile(r"[1-9](?<![0-9.,][1-9])(?<![0-9][ \u00a0\u202f][1-9])[0-9]{0,2}"
                              r"(?:(?:[\u00a0\u202f][0-9]{3})+|(?: [0-9]{3}){2,}| 000)(?![0-9]|[.,][0-9]| [0-9])")
# (any run of spaced groups; the amount's and the cell's edges are then looked at around it; both patterns
# start with their first digit, the look-behinds after it: scanned for digits in C, not tried everywhere)
_SPACED_RUN_RE = re.compile(r"[1-9](?<![0-9.,][1-9])(?<![0-9][ \u00a0\u202f][1-9])[0-9]{0,2}(?:[ \u00a0\u202f][0-9]{3})+(?![0-9]|[.,][0-9])")
_SPACED_CUR_AFTER_RE = re.compile(r"[ \u00a0\u202f]?(?:€|£|(?:EUR|GBP|USD)\b)")
_SPACED_CUR_BEFORE_RE = re.compile(r"(?:€|£|USD\s?|" + _CODES + r"\s?)[ \u00a0]?$")
_DOLLAR_BEFORE_RE = re.compile(r"\$[ \u00a0]?$")
_SPACED_DIGIT_AFTER_RE = re.compile(r"[ \u00a0\u202f][0-9]")
_CELL_START_RE = re.compile(r"\|[ \t]*[*_]{0,2}$")
_CELL_END_RE = re.compile(r"[*_]{0,2}[ \t]*\|")
_SPACES_TO_COMMAS = str.maketrans(" \u00a0\u202f", ",,,")


def _spaced_amount(view: str, s: int, e: int) -> bool:
    """Whether the run of spaced groups at ``s:e`` is an amount's or a table cell's number."""
    lo = max(0, s - 8)
    if _SPACED_CUR_BEFORE_RE.search(view, lo, s):
        return _SPACED_DIGIT_AFTER_RE.match(view, e) is None
    if _DOLLAR_BEFORE_RE.search(view, lo, s):
        return False
    return _SPACED_CUR_AFTER_RE.match(view, e) is not None \
        or (_CELL_START_RE.search(view, lo, s) is not None and _CELL_END_RE.match(view, e) is not None)


def space_thousands(view: str) -> str:
    """``view`` with its thousands grouped by spaces (see _SPACE_GROUPS_RE) read as written with
    commas, one character for one: every offset holds. What the drafts read and what a quote
    is checked against (quantities_in) read these numbers the same way."""
    parts, last = [], 0
    for m in _SPACED_RUN_RE.finditer(view):
        s = m.start()
        pm = _SPACE_GROUPS_RE.match(view, s)  # (a prose group starts a run: one scan of the text)
        if pm is not None:
            e = pm.end()
        elif _spaced_amount(view, s, m.end()):
            e = m.end()
        else:
            continue
        parts += [view[last:s], view[s:e].translate(_SPACES_TO_COMMAS)]
        last = e
    return "".join(parts) + view[last:] if parts else view
# a decimal comma and its cents before the euro's sign or code ("2,50 €", "4,99€") or a dollar sign
# written after the amount the continental way ("6,88 $"), or after an amount the sign opened ("€4,99")
_DECIMAL_COMMA_RE = re.compile(r",(?P<d>[0-9]{1,2})(?![0-9]|[.,][0-9])(?:(?=[ \u00a0]?(?P<eur>€|EUR\b|\$(?![\w$\\{^_]))))?")
# a digit and a space right before a number: its digits are a group of a number spaced by thousands
_SPACED_GROUP_BEFORE_RE = re.compile(r"[0-9][ \u00a0\u202f]$")
#: what ends a number's gap to its unit: a blank line, or a new line that opens a list's item, a
#: table's row, a heading or a quote ("10,000\n\n- Tokens/month": another line's label, not the unit)
_GAP_BREAK_RE = re.compile(r"\n[ \t\u00a0\u202f]*(?:\r?\n|[-*+•|#>](?:[ \t]|$))")
_GAP_RE = re.compile(r"[\s\u00a0\u202f]*-?[\s\u00a0\u202f]*(?:(?P<mod>(?i:input|output|prompt|completion"
                     r"|training|total|active|trainable|generated|context|dense|sparse)"
                     r")[\s-]+)?"
                     # a number format between a throughput and its unit ("624 bf16 TFlops", "3,958
                     # FP8 TFLOPS"): the unit's condition, which linking reads from the quote
                     r"(?:(?i:bf16|fp16|fp8|fp4|fp6|fp32|fp64|tf32|int8|int4)[ \t\u00a0]+"
                     r"(?=(?i:[kMGTPE]?FLOP/?S|[kMGTPE]?FLOPs|[TP]OPS)\b))?")
_PER_RE = re.compile(
    # ("$3-per-hour", "a $20-a-month plan": the rate as a hyphenated adjective)
    r"\s*(?:/|(?i:per|every|each)\s|-(?i:per)-|-(?i:an?)-(?=(?i:hour|month|year|day|week)\b)"
    r"|(?i:an?)\s(?=(?i:hour|month|year|day|week|second|minute)"
    # (not "$10 billion a year earlier", "a month ago": a date, no denominator)
    r"(?![A-Za-z]*[ \t]+(?i:earlier|ago|before|later|prior|previously)\b)))\s*"
    r"(?:(?P<count>1\s*[kKMB]\b|1,000,000\b|1,000\b|1000\b|1\s(?i:thousand|million|billion)\b"
    r"|(?i:one\s)?(?i:thousand|million|billion)\b|[kKM](?=\s?(?:(?i:input|output|prompt|completion)\s+)?tok)"
    # ("$8,333-per-million-token": the words of the hyphenated rate)
    r"|IM(?=\s?(?i:tok)))(?:\s*|-(?=(?i:tok))))?"  # ("$2.50 / IM tokens": a capital I typed for the 1)
    r"(?:(?P<dir>(?i:input|output|prompt|completion|generated))\s+"
    # "$15/$75 per million input / output tokens": a pair's two directions, the second's last
    r"|(?P<pair>(?i:input|prompt)\s*(?:/|&|(?i:and))\s*(?i:output|completion))\s+(?=(?i:mtoks?|tokens?|toks?)\b))?"
    r"(?P<den>(?i:mtoks?|tokens?|toks?)|" + _GPU_HOUR +
    r"|(?i:gpu)\s?(?:/|per\s)\s?(?i:hours?|hrs?|h)\b"
    r"|(?i:gpu)(?:s\b|\b)(?:\s?(?:/|per\s|an?\s)\s?(?i:hour|hr|h)\b)?"
    r"|(?P<inst>[a-z][0-9][a-z]*\.[0-9]*x?large|(?i:instance|node|server))[- ](?i:hours?|hrs?|h)\b"
    r"|(?i:hours?|hrs?)|h|(?i:months?)|mo|(?i:years?|yr)|(?i:days?)|(?i:weeks?)|(?i:seconds?|secs?)|s"
    # ("~$25B/quarter run rate": a quarter written after a slash only; "per quarter" in prose is
    # left as the period's amount)
    r"|(?<=/)(?i:quarter|qtr)"
    r"|(?i:minutes?|mins?)|(?i:(?:search |user |api )?quer(?:y|ies)|requests?|search(?:es)?|prompts?|responses?"
    r"|conversations?|chats?|messages?|(?:api )?calls?|runs?|images?|tasks?"
    r"|inferences?(?:-equivalents?)?)|(?i:characters?|chars?)|(?i:words?|pages?)(?=[ \t]+(?i:generated|written"
    r"|translated|produced|output|of)\b|[ \t]*[^ \t\w]|[ \t]*$)|kWh|MWh|Wh"
    # ("$50bn per GW", "$12 billion per gigawatt": what a data centre's capacity costs)
    r"|(?i:watts?)|W|kW|MW|GW|(?i:megawatts?|gigawatts?)|GB|TB|MB|PB)"
    r"(?![A-Za-z0-9])")
_TEXT_PER_RE = re.compile(r"[ \t]*(?:/|(?i:per|a|each|every)[ \t])[ \t]*(?:(?P<n>1,000|1000|1K|1k)[ \t]+(?=(?i:tokens?)))?"
                          r"(?P<d>(?i:pages?|tokens?))(?![A-Za-z0-9])")
_EXAMPLE_RATE_RE = re.compile(r"[ \t]*(?:/|(?i:per)[ \t])[ \t]*(?P<t>(?i:seconds?|secs?|s|minutes?|mins?|hours?))"
                              r"(?![A-Za-z0-9])")
_DUTY_RE = re.compile(r"\s*(?:/|(?i:per|a|an|each|every)\s)\s*(?P<t>(?i:day|week|month|year)|(?<=h/)d)(?![A-Za-z0-9])")
# a second denominator after a power one: "$170/kW/month", "$160 per kW per month"
# ... or joined to it by a hyphen, a unit of capacity held for a time: "$329.17/MW-day", "US$0.08 per
# GB-month" (of storage), "$9.50/kW-month"
_PER_TIME_RE = re.compile(r"\s*(?:/|(?i:per|a)\s)\s*(?P<t>(?i:months?|mo|years?|yr|hours?|hrs?|h))(?![A-Za-z0-9])"
                          r"|-(?P<t2>(?i:month|mo|year|yr|day|week|hour|hr|h))(?![A-Za-z0-9-])")
_POWER = frozenset({"kW", "MW", "GW", "TW"})
_BUILD_RATE_RE = re.compile(r"(?:[ \t]*(?:/|(?i:per|a)[ \t])[ \t]*|-(?i:per)-)(?P<t>(?i:years?|yr|months?|weeks?))(?![A-Za-z0-9])")
# ... or after the capacity it names, in a period it was added in ("added nearly 1 gigawatt of
# capacity in the quarter", "2 GW of new capacity per year")
_BUILD_RATE_OF_RE = re.compile(r"[ \t]+of[ \t]+(?:(?:new|added|additional|data[ -]cent(?:er|re)|AI|compute|generating)[ \t]+){0,2}"
                               r"capacity[ \t]+(?:(?:per|a|each|every)[ \t]+|in[ \t]+(?:the|a|one)[ \t]+(?:same[ \t]+|single[ \t]+)?)"
                               r"(?P<t>(?i:year|quarter|month|week))(?![A-Za-z0-9])")
# a price's denominator in German or French: "0,44 $/Stunde", "~30$/Monat", "2,50 € pro Stunde", "4$ pro
# Minute", "0,02 Euro pro Anfrage", "1,02 $ par million de tokens", "$5/$25 pro Million Tokens",
# "15 € par mois", "640 €/Jahr"
_PER_FOREIGN_RE = re.compile(r"[ \t\u00a0]*(?:/|(?i:pro|par|je)[ \t\u00a0]+)[ \t\u00a0]*"
                             r"(?:(?P<count>1[ \u00a0]?(?:M|Mio\.?)|(?i:(?:1[ \u00a0])?(?:million|mio\.?)))[ \t\u00a0]+(?:(?i:de|d[’'])[ \t\u00a0]*)?"
                             r"(?=(?i:tokens?)\b))?"
                             r"(?P<den>(?i:GPU-Stunden?|GPU-heures?|Stunden?|Std\.|Monat|Jahr|Tag|Woche|Minuten?|Anfragen?"
                             r"|heure|mois|an|année|jour|semaine|minute|requête|tokens?))(?![\w-])")
_FOREIGN_DEN = {"stunde": "hour", "stunden": "hour", "std.": "hour", "heure": "hour", "monat": "month", "mois": "month",
                "jahr": "year", "an": "year", "année": "year", "tag": "day", "jour": "day", "woche": "week",
                "semaine": "week", "minute": "min", "minuten": "min", "anfrage": "query", "anfragen": "query",
                "requête": "query", "token": "token", "tokens": "token"}
# ... or said right before the amount ("eine H100 pro Stunde 6,88 $", "par mois environ 15 €")
_FOREIGN_RATE_BEFORE_RE = re.compile(r"(?i:pro|par|je)[ \t]+(?P<d>(?i:Stunde|Monat|Jahr|heure|mois))[ \t]+"
                                     r"(?:(?i:etwa|rund|ca\.|knapp|nur|environ|seulement)[ \t]+|[~≈][ \t]?)?$")
_PER_WORD_RE = re.compile(r"[ \t]*(?P<w>(?i:annually|per annum|yearly|monthly|daily|hourly))\b")
# "Monthly: $2,850", "an hourly rate of $1.77", "monthly bill of $20": the rate named before the amount
_RATE_BEFORE_RE = re.compile(
    # (each word's first letter first, then the look-behind that makes it a word's first, "\b": the
    # engine scans for those letters in C instead of trying every position of the window)
    r"(?P<w>[HhDdWwMmYyAaPp](?<!\w[HhDdWwMmYyAaPp])(?i:(?<=[Hh])ourly|(?<=[Dd])aily|(?<=[Ww])eekly|(?<=[Mm])onthly"
    r"|(?<=[Yy])early|(?<=[Aa])nnual|(?<=[Aa])nnually|(?<=[Pp])er[ -](?:hour|day|week|month|year)))(?i:"
    r"(?:[ \t]+[\w-]+){0,3}?(?:[ \t]*[:=][ \t]*|[ \t]+(?:rate|price|cost|costs|bill|fee|spend|spending|charge|usage)s?"
    # ("annual utility bills are $10M": a plural verb links them as "is" does)
    r"(?:[ \t]+(?:of|is|was|are|were|at|about|around|roughly|~))*[ \t]*"
    # "monthly bill rose from", "monthly usage had jumped from": the amounts the rate went between
    r"|[ \t]+(?:rate|price|cost|costs|bill|fee|spend|spending|charge|usage)s?[ \t]+(?:(?:has|have|had)[ \t]+)?"
    r"(?:jumped|rose|risen|grew|grown|climbed|went|gone|increased|fell|fallen|dropped|ballooned|shot[ \t]+up)"
    r"[ \t]+(?:from|to)[ \t]+)$)")
# (its blanks taken possessively, "[ \t]*+": what follows them is never a blank, and after
# a run of blanks the mask left (a link's target, a URL) "[ \t]*[”"’]?[ \t]*" tried each
# split of the run between its two blank runs: milliseconds after one such number)
# the same said before the amount: "revenue run rate crossed", "ARR of", "annualized revenue of"
# (first letters first, as _RATE_BEFORE_RE's)
_ANNUALISED_BEFORE_RE = re.compile(r"[RrAa](?<!\w[RrAa])(?i:(?<=[Rr])evenue\s+run[- ]?rate|(?<=[Aa])RR"
                                   r"|(?<=[Aa])nnuali[sz]ed\s+(?:revenue|sales))"
                                   r"(?i:(?:\s+(?:of|at|to|is|was|hit|hits|crossed|reached|topped|passed|surpassed"
                                   r"|exceeded|above|over|near|nearly|about|around|roughly|approximately))*\s*[~≈]?\s*$)")
_ANNUALISED_AFTER_RE = re.compile(
    r"(?i)[ \t]*+[”\"’]?[ \t]*+(?:(?:in|of)[ \t]++)?(?:(?:annuali[sz]ed|annual[ \t]+recurring)[ \t]+revenues?|ARR\b"
    r"|(?:annuali[sz]ed[ \t]+|(?:annual[ \t]+)?revenue[ \t]+|annual[ \t]+)?run[- ]?rate\b|on[ \t]+an[ \t]+annuali[sz]ed[ \t]+basis"
    # "$13B annualized", "| $5B (annualized) |": the amount is a year's worth
    r"|\(?annuali[sz]ed\b(?![ \t]+(?:growth|increase|rate|return|cost|costs|expenses?|spend(?:ing)?|burn|loss)\b))")
# a yearly cost named after the amount: "$40 billion in annual depreciation costs", "$2M of annual
# operating expenses" (revenue, a loss or a profit stays an amount of its period: "Netflix
# generates $39 billion in annual revenue" is its revenue of a year)
_ANNUAL_FLOW_AFTER_RE = re.compile(
    r"(?i)[ \t]*+(?:(?:in|of)[ \t]++)?(?:(?:new|additional|incremental|extra|recurring)[ \t]+)?(?:annual|yearly)[ \t]+"
    r"(?:(?:operating|running|maintenance|electricity|energy|power|service)[ \t]+)?"
    r"(?:depreciation|amorti[sz]ation|costs?|expenses?|opex|spend(?:ing)?|bills?|savings?)\b")
# a volume per period the clause opens with before the amount ("at 20 posts a month, images alone cost
# $10.8", "At 1,000 queries per day, the bill is $50"): the amount is that period's cost
_VOLUME_PERIOD_BEFORE_RE = re.compile(
    # (the "a" first, as _RATE_BEFORE_RE's first letters)
    r"[Aa](?<!\w[Aa])(?i:t[ \t]+[0-9][0-9,.]*[ \t]?(?:k|m|thousand|million)?[ \t]+[a-z]+(?:[ \t]+[a-z]+)?[ \t]+"
    r"(?:a|per|each|every)[ \t]+(?P<t>day|week|month|year)\b,[^.;:\n$0-9]{0,50}$)")
# a salary named after or right before the amount: a year's pay ("At a $100,000 salary", "a salary
# of $85,000", "salaries around $150k")
_SALARY_AFTER_RE = re.compile(r"(?i)[ \t]+(?:(?:annual|yearly|base|median|average|starting)[ \t]+)?salar(?:y|ies)\b")
_SALARY_BEFORE_RE = re.compile(r"(?i)\bsalar(?:y|ies)[ \t]+(?:of|is|was|around|about|at|near)[ \t]+(?:(?:about|around|roughly|~)[ \t]+)?$")
# electricity said to be used in each period before the amount, in the same clause ("in a year it
# would represent 14 TWh", "Each year, data centres use 200 TWh", "every day it draws 40 kWh")
_YEAR_BEFORE_RE = re.compile(r"(?i)\b(?:in|per|each|every)[ \t]+(?:(?:a|one|single)[ \t]+)?(?P<t>day|week|month|year)\b"
                             r"(?:(?!(?i:in|per|each|every)[ \t]+(?:(?i:a|one|single)[ \t]+)?(?i:day|week|month|year)\b)[^\n.;:()0-9$%]){0,36}$")
# electricity said to be used per year before the amount ("annual electricity consumption (13 TWh)",
# "yearly power use of 2 GWh")
# (and the other periods, with a few words between: "my average daily GPU power consumption from 2.09
# kWh to 0.84 kWh": a rate per day, both ends of the change)
_ANNUAL_USE_BEFORE_RE = re.compile(
    r"(?i)\b(?P<w>annual|yearly|monthly|weekly|daily)[ \t]+"
    r"(?:(?:average|mean|typical|total|GPU|server|cluster|electricity|energy|power)[ \t]+){0,3}(?:consumption|use|usage|demand)"
    r"(?:[ \t]+(?:of|is|was|at|about|around|roughly|reached|hit|totals?|totall?ed|stands at|from))*[ \t]*[(:~≈]?[ \t]*"
    r"(?:(?<=from )[0-9][0-9.,]*[ \t]?[kMGT]?Wh[ \t]+to[ \t]+)?$")
# emissions labelled with their period before the amount ("Monthly emissions: 40.4 lbs CO2", "annual
# carbon footprint of 220 kg CO2"): a rate of that period
_PERIOD_EMISSIONS_BEFORE_RE = re.compile(
    r"(?i)\b(?P<w>annual|yearly|monthly|daily|weekly)[ \t]+(?:(?:CO2|carbon|GHG)[ \t]+)?(?:emissions|footprint)"
    r"[ \t]*[(:~≈]?(?:[ \t]+(?:of|is|was|at|about|around|roughly))?[ \t]*$")
_PER_HOUR_RE = re.compile(r"\s*(?:/|per\s|an?\s)\s*(?i:hours?|hrs?|h)\b")
# a period after a scope: "$20 per user per month", "$180/user/month", "1M tokens/user/day", "$2,000 per GPU
# a month": the amount is a rate of that period for each user or GPU (as "$20 per month per user")
_SCOPE_PERIOD_RE = re.compile(r"[ \t]*(?:/|(?i:per|a|an|each|every)[ \t])[ \t]*(?P<t>(?i:days?|weeks?|months?|mo|years?|yr))"
                              r"(?![A-Za-z0-9])(?![ \t]+(?i:earlier|ago|before|later|prior|previously)\b)"
                              r"|[ \t]+(?P<w>(?i:daily|weekly|monthly|yearly|annually))\b")


#: amounts that accrue over time, read as a rate when a period follows them: electricity, water,
#: tokens and requests ("200 TWh of electricity a year", "2 billion tokens daily", "10M requests
#: daily")
_ACCRUING = frozenset({"Wh", "kWh", "MWh", "GWh", "TWh", "mL", "liter", "megaliter", "gallon", "token", "query"})
#: amounts of a rate over time when a period follows them with no calendar period named: emissions
#: ("capture 36,000 tons of CO2 per year", "1.2 kilogram of CO2 per year", "1.5 million tonnes of
#: carbon annually": the vocabulary's emissions-rate) and a temperature's change ("0.00002°C per year")
_RATE_OVER_TIME = frozenset({"gCO2e", "kgCO2e", "tCO2e", "lbCO2e", "delta_degC", "delta_degF"})
_EMISSIONS = frozenset({"gCO2e", "kgCO2e", "tCO2e", "lbCO2e"})
_TRAIL_PERIOD_RE = re.compile(r"(?:[ \t]+(?i:of)[ \t]+(?:(?i:the)[ \t]+)?(?i:electricity|power|energy"
                              r"|carbon(?:[ \t]+dioxide)?|emissions|greenhouse[ \t]+gas(?:es)?|GHG))?"
                              # (a line of the paragraph may break after the "per": "0.00002°C per\nyear")
                              r"(?:[ \t]*(?:/|(?i:per|an?|each|every)(?:[ \t]|[ \t]*\n(?=[ \t]*[A-Za-z])))[ \t]*"
                              r"(?P<t>(?i:day|week|month|year))\b"
                              r"(?![ \t]+(?i:earlier|ago|before|later|prior|previously|or[ \t]+two)\b)"
                              r"|[ \t]+(?P<w>(?i:daily|weekly|monthly|yearly|annually|per annum))\b)")


_PERIOD_WORD_DEN = {"daily": "day", "weekly": "week", "monthly": "month", "yearly": "year", "annually": "year",
                    "per annum": "year"}


def _period_after(rx: re.Pattern, text: str, q: Quantity, p: int) -> int:
    """Read the period ``rx`` (``_TRAIL_PERIOD_RE``: after an accruing amount's unit;
    ``_SCOPE_PERIOD_RE``: after a scope, "per user" then "per month") finds at ``p``; the
    position after it, or ``p`` when there is none or the amount takes no such period."""
    m = rx.match(text, p)
    if m is None:
        return p
    t = (m.group("t") or m.group("w")).lower()
    den = _PERIOD_WORD_DEN.get(t) or _DEN_ATOMS[t]
    if not _per_allowed(q, den):
        return p
    if q.atom in _TEMPERATURE and not _RATE_WORD_RE.search(m.group(0)):
        return p  # "hits 83°C every day", "90°C a day after": a temperature, not a change per day
    q.den = den
    return m.end()


#: a temperature takes a period only written as a rate ("0.00002°C per year", "2 °C/decade"): with
#: "a", "each", "every" or "daily" the period is when it was reached ("the GPU hits 83°C every day")
_TEMPERATURE = frozenset({"delta_degC", "delta_degF"})
_RATE_WORD_RE = re.compile(r"/|(?i:\bper\b)")


_PER_SCOPE_RE = re.compile(r"\s*(?:/|\s(?i:per|each|a)\s)\s*(?P<s>(?i:gpu|card|accelerator|chip|node|server|rack"
                           r"|instance|user|seat))\b")
_SCOPE_OF = {"gpu": "per-gpu", "card": "per-gpu", "accelerator": "per-gpu", "chip": "per-gpu",
             "node": "per-node", "server": "per-node", "rack": "per-rack", "instance": "per-instance",
             "user": "per-seat", "seat": "per-seat"}
# units that take a denominator ("tokens per second", "TB/s", "Wh per query")
_PER_UNITS = {"token", "TB", "GB", "MB", "TFLOPS", "PFLOPS", "FLOPS", "TOPS", "J", "kJ", "Wh", "kWh", "MWh", "GWh", "TWh",
              "mL", "liter", "megaliter", "gallon", "gCO2e", "kgCO2e", "lbCO2e", "query", "FLOP"}
#: atoms a rate per second only is read after: "312e12 FLOPs / sec" (not "6 FLOPs per token"). (Not
#: bytes: "1.5e12 bytes/sec" read as a bandwidth is a round figure kb vet then calls a conflict with
#: the card's reference, a correct claim flagged.) FLOPs take a token too, a model's compute per
#: token ("4.2e11 FLOPs / token", "1.4e11 FLOPs per token"), but not where a parameter follows
#: ("2 FLOPs per token per parameter": FLOPs per parameter and token, not read)
_PER_SECOND_ONLY = frozenset({"FLOP"})
_PER_PARAMETER_NEXT_RE = re.compile(r"[ \t]*(?:/|(?i:per|each|every)[ \t])[ \t]*(?i:param|weight)")
#: Volumes of water: used per unit of time too ("5 million gallons per day", "2,600 gallons/minute"),
#: with the water named between ("80-130 million gallons of water each year").
_VOLUME = frozenset({"mL", "liter", "megaliter", "gallon"})
_OF_WATER_RE = re.compile(r"[ \t]+(?i:of)[ \t]+(?:(?i:fresh|clean|drinking|potable|cooling|the)[ \t]+)?(?i:water)\b")
_TIME_DENS = ("day", "week", "month", "year", "yr", "hour", "hr", "h", "minute", "min", "second", "sec", "s", "mo")
_ENERGY = {"J", "kJ", "Wh", "kWh", "MWh", "GWh", "TWh", "mL", "liter", "gCO2e", "kgCO2e", "lbCO2e"}
#: the periods electricity is used over as a rate ("12 TWh/year", "40 kWh per day"); not an hour or
#: a minute ("15 Wh per hour of streaming": the energy of an hour's activity)
_ENERGY_RATE_DENS = ("day", "days", "week", "weeks", "month", "months", "mo", "year", "years", "yr")
_ELECTRICITY = {"Wh", "kWh", "MWh", "GWh", "TWh"}
_INTENSITY = {"mL", "liter", "gCO2e", "kgCO2e", "lbCO2e"}
_POST_RE = re.compile(r"(?P<lower_bound>\+|\s+(?:or (?:more|higher|above|greater)\b|plus\b|and up\b))"
                      r"|(?P<upper_bound>\s+or (?:less|fewer|lower|below)\b)|(?P<approx>\s+or so\b)")

#: A range connector after the first number ("-", "to", "and" after "between"; "--", the en dash
#: typed as two hyphens: "$3,500--$9,500", but not spaced: " -- " is a dash between clauses; German
#: "bis", and "und" after "zwischen": "zwischen 50 und 100 Megawatt", "10 bis 20 Prozent"; French "et"
#: after "entre": "entre 30 et 40 milliards de dollars"; a tilde set close between two numbers, as
#: East Asian writing joins a range: "4k~16k", "128k~1m").
CONNECT_RE = re.compile(r"[ \t\u00a0]*(?P<c>(?<![ \t\u00a0])--(?![ \t\u00a0])|(?<=[0-9A-Za-z])~(?=[0-9])|-|–|—|(?i:to|and|through)|und|bis|et)[ \t\u00a0]*(?:(?i:just\s|nearly\s|about\s|around\s"
                        r"|roughly\s|over\s|more than\s|under\s|almost\s|up to\s))?")
#: Qualifier cues right before a number (lower case), by the qualifier they set.
QUALIFIER_CUES = {
    "upper_bound": ("up to", "as much as", "as many as", "as high as", "at most", "no more than", "not more than",
                    "maximum of", "under", "below", "less than", "fewer than", "lower than", "capped at",
                    "at the most", "within", "<", "≤", "bis zu", "weniger als"),
    "lower_bound": ("more than", "over", "exceed", "exceeds", "exceeded", "exceeding", "in excess of", "at least",
                    "upwards of", "above", "greater than", "higher than", "north of", "pass", "passed", "passes",
                    "surpass", "surpasses", "surpassed", "surpassing", "minimum of", "starting at", "as low as",
                    "as little as", "longer than", "beyond", ">", "≥", "mindestens", "mehr als"),
    "approx": ("about", "around", "approximately", "approx", "approx.", "roughly", "nearly", "almost", "close to",
               "closer to", "some", "circa", "ca.", "~", "≈", "on the order of", "in the region of",
               "something like", "rund", "etwa", "knapp"),
}
_CUE_LINKS = ("of", "at", "a", "an", "the", "just", "only", "some")
_CUE_BY_PHRASE = {c: q for q, cues in QUALIFIER_CUES.items() for c in cues}


_TOKEN_RE = re.compile(r"[A-Za-z0-9.'’]+|[^\sA-Za-z0-9.'’]")
_CUE_SYMBOLS = set("~≈<>≤≥")
_TOKEN_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.'’")
_CUE_LAST_WORDS = frozenset([c.split()[-1] for c in _CUE_BY_PHRASE] + list(_CUE_LINKS))


def qualifier_cue(text: str, lo: int, pos: int) -> tuple[str, int] | None:
    """(qualifier, start of the cue) for a cue that ends right before ``pos`` (blanks and
    one linking word such as "of" or "the" between), looking no further back than ``lo``."""
    tail = text[max(lo, pos - 32):pos]
    base = pos - len(tail)
    stripped = tail.rstrip(" \t\u00a0")
    if not stripped:
        return None
    if stripped[-1] == "-" and stripped[-4:-1] in ("sub", "Sub") and not stripped[-5:-4].isalnum() \
            and len(stripped) == len(tail):
        return "upper_bound", base + len(stripped) - 4  # "sub-20ms", "sub-$1 prices": under the amount
    if stripped[-1] in _CUE_SYMBOLS:
        k = base + len(stripped) - 1
        if stripped[-1] == ">" and _closes_tag(text, k):
            return None  # "Meta<sup>1</sup></td><td>$72.2B": the end of an HTML tag, no "more than"
        return _CUE_BY_PHRASE[stripped[-1]], k
    # the last token first: a cue (or a linking word after one) ends with one of a few words
    j = len(stripped.rstrip())
    if not j:
        return None
    i = j - 1
    if stripped[i] in _TOKEN_CHARS:
        while i and stripped[i - 1] in _TOKEN_CHARS:
            i -= 1
    last = stripped[i:j].lower()
    if last[len(last) - len(last.lstrip("([{\"'“‘*_")):] not in _CUE_LAST_WORDS:
        return None
    return _cue_in_tokens(tail, stripped, base, lo)


# an HTML tag's opening up to the ">" that closes it ("</sup", '<td class="x"')
_TAG_OPEN_RE = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>\n]*)?")


def _closes_tag(text: str, k: int) -> bool:
    """Whether the ">" at ``k`` closes an HTML tag ("<sup>1</sup>" before a table cell's amount)."""
    j = text.rfind("<", max(0, k - 200), k)
    return j >= 0 and _TAG_OPEN_RE.fullmatch(text, j, k) is not None


def _cue_in_tokens(tail: str, stripped: str, base: int, lo: int) -> tuple[str, int] | None:
    """The cue of up to four words that ends ``stripped`` (the window ``tail`` starting at
    ``base``, without its trailing blanks), one linking word after it allowed."""
    toks = []
    for m in _TOKEN_RE.finditer(stripped):
        t = m.group(0).lower()
        lead = len(t) - len(t.lstrip("([{\"'“‘*_"))
        toks.append((m.start() + lead, t[lead:]))
    if toks and toks[-1][1] in _CUE_LINKS and toks[-1][1] not in _CUE_BY_PHRASE:
        toks = toks[:-1]
    for k in (4, 3, 2, 1):
        if len(toks) < k or (len(toks) == k and base > lo and not tail[:1].isspace()):
            continue  # the window may have cut the first word
        q = _CUE_BY_PHRASE.get(" ".join(t for _, t in toks[-k:]))
        if q:
            return q, base + toks[-k][0]
    return None


#: "between" or "from" right before the first number of a range (German "zwischen" before "und",
#: French "entre" before "et").
BETWEEN_RE = re.compile(r"\b(?:between|from|zwischen|entre)\s*$", re.IGNORECASE)

# Percent comparisons: "a 60% decline" is a change of -60%, "up 233%" one of +233%; a noun of a
# relative difference a ratio ("a 60% premium" 1.6, "75% savings" 0.25); a comparative adjective
# ("57% faster", "20% less") a signed change, +57% and -20%, in a table cell as in prose
# (kb.extract.drafts, docs/data-format.md's *percent difference*). A noun
# is a whole word: "40% of enterprises" has no "rises".
_PCT_MORE_ADJ = r"higher|greater|more|larger|bigger|faster|better|stronger|additional|extra|costlier|pricier"
_PCT_LESS_ADJ = r"lower|less|smaller|cheaper|slower|fewer|shorter|lighter"
# (an edge that ends a compound adjective is none: "3-10% of leading-edge wafer production")
_PCT_MORE_NOUN = r"(?:premium|advantage|disadvantage|gap|differential|(?<!-)edge|lead|markup|uplift|speed-?up)s?"
_PCT_LESS_NOUN = r"savings?|discount(?! rate)"
_PCT_UP_NOUN = r"increases?|growth|rises?|jumps?|surges?|gains?|hikes?|spikes?|boosts?|improvements?"
_PCT_DOWN_NOUN = r"declines?|drops?|cuts?|decreases?|falls?|plunges?|slumps?|reductions?"
_PCT_AFTER_RE = re.compile(
    r"\s*(?:(?P<higher>(?i:" + _PCT_MORE_ADJ + r"))|(?P<lower>(?i:" + _PCT_LESS_ADJ + r")))\b"
    # (not a product's tier: "40% of X Premium+ subscribers")
    # ("a 25%/yr decline": the change's period between)
    r"|(?:/[ \t]?(?i:yr|year|annum|mo|month)\b)?(?:\s+[\w/-]+){0,3}?\s*\b(?:(?P<moren>(?i:" + _PCT_MORE_NOUN + r"))(?!\+)|(?P<lessn>(?i:" + _PCT_LESS_NOUN + r"))"
    r"|(?P<up>(?i:" + _PCT_UP_NOUN + r"))|(?P<down>(?i:" + _PCT_DOWN_NOUN + r")))\b"
    # "the A10G would be 30% below the 4060 Ti", "still 50% above the P40": a signed change from
    # the thing named after it (a level "below 30%" has its word before the number)
    r"|\s+(?:(?P<above>(?i:above))|(?P<below>(?i:below)))(?=\s+(?:(?i:the|a|an|its|their|our|what|that|those|pre"
    # "roughly 40% below prior expectations", "10% above last year's"
    r"|prior|previous|earlier|last|original|initial)\b|[A-Z$€£0-9]))")
_PCT_BEFORE_RE = re.compile(
    r"(?:(?P<up>\b(?:up|r(?:ose|isen|ising|ises?)|gr(?:ow|ew|own|owing|ows)|increas(?:ed?|ing|es)|jump(?:ed|ing|s)?"
    r"|surg(?:ed?|ing|es)|climb(?:ed|ing|s)?|soar(?:ed|ing|s)?|leap(?:t|ed|ing|s)?|improv(?:e|ed|es|ing)|gain(?:ed|ing|s)?|expand(?:ed|ing|s)?"
    r"|hik(?:e|ed|es|ing)|rais(?:e|ed|es|ing)|boost(?:ed|ing|s)?|skyrocket(?:ed|ing|s)?"
    # (the verbs of market news: "shares spiked 20%", "rocketed 40%", "ballooned 300%")
    r"|spik(?:e|ed|es|ing)|rocket(?:ed|ing|s)?|balloon(?:ed|ing|s)?))"
    r"|(?P<down>\b(?:down|f[ae]ll(?:en|ing|s)?|drop(?:ped|ping|s)?|declin(?:ed?|ing|es)|decreas(?:ed?|ing|es)"
    r"|cut(?:ting|s)?|slash(?:ed|ing|es)?|plung(?:ed?|ing|es)|shr(?:ank|unk|inking|inks?)|reduc(?:ed?|ing|es)"
    r"|lower(?:ed|ing|s)?|slump(?:ed|ing|s)?"
    # ("Nvidia's stock tumbling 16.9%", "shares plummeted 17%", "sank 9%", "slid 3%", "tanked 20%")
    r"|tumbl(?:e|ed|es|ing)|plummet(?:ed|ing|s|ted|ting)?|s(?:ank|unk|ink(?:s|ing)?)|sli(?:d|des?|ding)"
    r"|dipp(?:ed|ing)|dips?|tank(?:ed|ing)|crash(?:ed|es|ing)?|crater(?:ed|ing|s)?"
    r"|nosediv(?:e|ed|es|ing))))"
    r"(?:(?:\s+[\w'’-]+){0,7}?\s+by|\s+of|(?:\s+[\w'’-]+){0,2}?\s+(?:prices?|rates?|costs?|fees?|tariffs?)"
    # "growing at 40% per year", "rising at an average rate of 33% a year": the pace of the change
    r"|\s+at(?:\s+(?:an?|the)(?:\s+(?:average|annual|annuali[sz]ed|yearly|compound(?:ed)?|steady|rapid|fast))*"
    r"\s+(?:rate|pace|clip)\s+of)?)?"
    r"(?:\s+(?:about|around|roughly|nearly|almost|some|over|more than|less than|up to|as much as|at least"
    r"|an estimated|~))?[\s~]*$", re.IGNORECASE)
_PCT_NOUN_BEFORE_RE = re.compile(
    r"\b(?:(?P<more>premium|markup|mark-up|uplift)|(?P<less>discount))\s+(?:of\s+|at\s+)?(?:(?:exceeding|above|over|beyond"
    r"|at least|about|around|roughly|nearly|up to|more than|less than|under)\s+)?[~\s]*$", re.IGNORECASE)
_PCT_OF_RE = re.compile(r"\s+(?:of|the)\b", re.IGNORECASE)


@dataclass
class Quantity:
    """One number as written, with what the grammar read around it."""

    start: int
    end: int
    num_text: str
    value: float
    cur: str | None = None         # USD, EUR, GBP, cent
    scale: str | None = None       # K, thousand, million, billion, trillion
    atom: str | None = None        # unit text of the measure or counted noun (W, token, GPU, node ...)
    count: bool = False            # atom is a counted noun (GPU, user, page ...)
    ratio: bool = False
    percent: bool = False
    # percent comparisons: more, less (a noun: ratios), higher, lower (an adjective: changes in a
    # table cell, ratios in prose), up, down (a verb or a noun of change: changes)
    compare: str | None = None
    den: str | None = None         # token, hour, GPU-hour, month, ...
    den_count: str | None = None   # 1K, 1M, 1B
    direction: str | None = None
    scope: str | None = None       # per-gpu, per-node, per-instance ... from the unit's denominator
    post: str | None = None        # lower_bound / upper_bound / approx from a trailing cue
    spelled: bool = False
    mod: str | None = None
    form: str = "unit"             # which grammar form read it (the value confidence is learned per form)
    hint: str | None = None        # the property the noun names ("105 layers": layers)
    dir_pair: bool = False         # the denominator names both directions ("per million input / output tokens")
    resume: int | None = None      # where the scan goes on when the quantity holds another ("52 million 700 W GPUs")
    gpu_span: tuple | None = None  # where a GPU name inside the quantity is ("512 H100s", "$3/H100-h")

    @property
    def has_unit(self) -> bool:
        return bool(self.cur or self.atom or self.ratio or self.percent)


def _num_value(s: str) -> float:
    return float(s.replace(",", "").replace("_", ""))


_DEN_ATOMS = {"hour": "hour", "hours": "hour", "hr": "hour", "hrs": "hour", "h": "hour", "d": "day", "month": "month",
              "months": "month", "mo": "month", "year": "year", "years": "year", "yr": "year", "day": "day",
              "days": "day", "week": "week", "weeks": "week", "second": "s", "seconds": "s", "sec": "s",
              "secs": "s", "s": "s", "minute": "min", "minutes": "min", "min": "min", "mins": "min",
              "kwh": "kWh", "mwh": "MWh", "wh": "Wh", "watt": "W", "watts": "W", "w": "W", "kw": "kW", "mw": "MW",
              "gw": "GW", "megawatt": "MW", "megawatts": "MW", "gigawatt": "GW", "gigawatts": "GW",
              "mb": "MB", "gb": "GB", "tb": "TB", "pb": "PB", "character": "character", "characters": "character",
              "char": "character", "chars": "character", "word": "word", "words": "word", "page": "page",
              "pages": "page", "quarter": "quarter", "qtr": "quarter"}
#: Amounts of data a price may be per ("$0.09/GB" of egress, "$0.08 per GB per month" of storage).
_DATA_DENS = frozenset({"MB", "GB", "TB", "PB"})


_BLANKS_RE = re.compile(r"\s+")
# (a per-GPU denominator already read, lower-cased with no blanks: "h100-hour", "gpu-hr"; a cue
# looser than GPU_NAME, which the unit forms matched it with)
_GPU_DEN_RE = re.compile(r"(?:gpu|[a-z]{1,3}\d|mi\d|tpu|gaudi|rtx|l40)")
_HOUR_END_RE = re.compile(r"(?:hours?|hrs?|h)$")


@functools.lru_cache(maxsize=4096)
def _den_atom(den: str, inst: str | None) -> tuple[str, str | None]:
    """Canonical denominator for a matched denominator text, and the scope it implies (a
    function of the two strings alone, kept for the few forms articles write)."""
    d = _BLANKS_RE.sub("", den.lower())
    if inst:
        return "hour", ("per-node" if inst.lower() in ("node", "server") else "per-instance")
    if _GPU_DEN_RE.match(d):
        return ("GPU-hour" if _HOUR_END_RE.search(d) else "GPU"), "per-gpu"
    if d.startswith("mtok"):
        return "MTok", None
    if d.startswith("tok"):
        return "token", None
    if d.startswith(("quer", "request", "search", "prompt", "respon", "inference", "conversation", "chat", "call",
                     "apicall", "run", "task", "image", "message")):
        # (a run of a workload and an image generated are priced as requests: "$0.80 per run"; a
        # chatbot's message as well: "a cost per message of: $0.03")
        return "query", None
    return _DEN_ATOMS.get(d, d), None


def _per_allowed(q: Quantity, den: str) -> bool:
    d = den.lower()
    if q.cur:
        return True
    if q.atom in _PER_SECOND_ONLY:
        return d in ("s", "sec", "secs", "second", "token", "tokens")  # a speed of compute, compute per token
    if den in _DATA_DENS:
        return False  # "per GB": a price's denominator only
    if d in ("kw", "mw", "gw") or d.startswith(("megawatt", "gigawatt")):
        return False  # "per kW", "per GW": a price's denominator only
    if q.atom in _VOLUME and d.rstrip("s") in _TIME_DENS:
        return True  # water used per unit of time
    if q.atom in _RATE_OVER_TIME and d in _ENERGY_RATE_DENS:
        return True  # emissions per year ("1.2 kilogram of CO2 per year"), warming per year: a rate
    if q.atom in _ENERGY:  # energy per token / per query
        if q.atom in _INTENSITY and d in ("wh", "kwh", "mwh"):
            return True  # water or carbon per unit of energy: "0.30 mL/Wh", "0.35 kg CO2e per kWh"
        if q.atom in _ELECTRICITY and d in _ENERGY_RATE_DENS:
            return True  # electricity used per year or per day: a rate ("12.3 TWh/year", "42 Wh per day")
        return d.startswith(("tok", "quer", "request", "search", "prompt", "respon", "conversation", "chat", "call",
                             "api call"))
    if q.atom in ("MB", "GB") and d in ("token", "tok"):
        return True  # memory per token: a KV cache's ("about 4.2MB per token", "~= 0.002GB per token")
    if q.atom == "token" and d in ("wh", "kwh"):
        return True  # tokens per unit of energy ("41.6 tokens/Wh", "5,000 tokens per kWh"): an efficiency
    if q.atom == "query":  # requests per second / per day
        return not d.startswith(("tok", "mtok", "gpu", "quer", "request", "conversation", "chat", "call", "api call",
                                 "kwh", "mwh", "watt", "w"))
    # (a run's amount of money is per request, "$0.80 per run"; its tokens are a plain count, as the
    # curators record "45,000 tokens per run": discovery relates them, kb.extract.arith.PER_REQUEST)
    return not d.startswith(("tok", "mtok", "gpu", "quer", "request", "search", "prompt", "respon", "conversation",
                             "chat", "call", "api call", "kwh", "mwh", "watt", "w", "run", "task"))


@functools.lru_cache(maxsize=64)
def _gpu_alias_re(aliases: tuple) -> re.Pattern | None:
    if not aliases:
        return None
    alts = "|".join(re.escape(a) for a in sorted(aliases, key=len, reverse=True))
    return re.compile(r"(?i:" + alts + r")s?(?![A-Za-z0-9])")


# id of a registry's GPU names -> (the names, _gpu_alias_re of them, the ASCII characters a name may
# start with, lower-cased, or None where one starts with another character); by id, as hashing a
# tuple of two hundred names (lru_cache's key) costs more than the look-up
_GPU_ALIAS_MATCHERS: dict = {}


def _gpu_alias_match(aliases: tuple, text: str, pos: int) -> re.Match | None:
    """``_gpu_alias_re(aliases).match(text, pos)`` (None without names). The case-blind pattern
    tries each of its names in full at a position; it is not tried at an ASCII character no name
    starts with (most positions after a count)."""
    hit = _GPU_ALIAS_MATCHERS.get(id(aliases))
    if hit is None or hit[0] is not aliases:
        if len(_GPU_ALIAS_MATCHERS) > 64:
            _GPU_ALIAS_MATCHERS.clear()
        firsts = {a[:1].lower() for a in aliases}
        hit = _GPU_ALIAS_MATCHERS[id(aliases)] = (aliases, _gpu_alias_re(aliases),
                                                  frozenset(firsts) if all(f.isascii() and f for f in firsts) else None)
    rx, firsts = hit[1], hit[2]
    if rx is None:
        return None
    c = text[pos:pos + 1]
    if firsts is not None and c.isascii() and c.lower() not in firsts:
        return None
    return rx.match(text, pos)


def parse_at(text: str, pos: int, cur: str | None = None, gpu_aliases: tuple = ()) -> Quantity | None:
    """Parse a number with its scale, unit and denominator starting at ``pos``.

    ``cur`` reads the number as an amount of that currency (the second number of "$10-15/hour");
    ``gpu_aliases`` are registry names of accelerators, read as counted GPUs ("512 H100s").
    """
    m = _NUM_AT.match(text, pos)
    if not m:
        return None
    n = len(text)
    if m.group("fword"):
        bare_dollar = False
        q = Quantity(m.start(), m.end(), m.group("fword"), float(_FOREIGN_SPELLED[m.group("fword").lower()]), spelled=True)
    elif m.group("word"):
        word = m.group("word").lower()
        if word in ("each", "every") and (not _SCALE_RE.match(text, m.end())
                                          or _AMOUNT_BEFORE_RE.search(text, max(0, pos - 32), pos)):
            return None  # "each trillion tokens" is one trillion; not "each GPU", nor "$3 for every million tokens"
        if word == "thousand" and not _SPELLED_PCT_RE.match(text, m.end()):
            return None  # (a scale word but in "a thousand-percent rise")
        bare_dollar = False
        cm = _COMPOUND_SCALED_RE.match(text, m.start())
        if cm and cm.end() > m.end():
            q = Quantity(m.start(), cm.end(), cm.group(0), _cardinal(cm.group(0)), spelled=True)
        else:
            q = Quantity(m.start(), m.end(), m.group("word"), float(_SPELLED[word]), spelled=True)
    else:
        num = m.group("num")
        e = m.end()
        value = None
        # scientific notation: "2.1 × 10^25", "3 x 10²³", "10^24" (a power of ten alone)
        pw = _TIMES_POW10_RE.match(text, e)
        if pw is None and num == "10":
            pw = _POW10_AT_RE.match(text, m.start("num"))
        if pw is not None and pw.group("h") and pw.re is _POW10_AT_RE and len(pw.group("h")) < 2:
            pw = None  # "10<sup>2</sup>" alone may be ten and a footnote's mark; a power written so is large
        if pw is not None:
            exp = int((pw.group("e") or pw.group("s") or pw.group("h")).translate(_SUPER).replace("−", "-"))
            value = float(f"{num.replace(',', '') if pw.re is _TIMES_POW10_RE else 1}e{exp}")
            e = pw.end()
            num = text[m.start("num"):e]
        if value is None and text[e:e + 1] == "+" and "." in num and (fe := _PLUS_EXP_FLOP_RE.match(text, e)):
            # "consumed 3.14+23 FLOPs": an exponent after a plus, its "e" dropped (3.14e+23)
            value = float(f"{num.replace(',', '')}e{fe.group('e')}")
            e = fe.end("e")
            num = text[m.start("num"):e]
        if value is None and text[e + 1:e + 2].isdigit():  # (the one test most numbers take here)
            if text[e] == "," and num.isdigit() and (m.group("cur") or "€" in text[e:e + 6] or "EUR" in text[e:e + 8]
                                                     or "$" in text[e + 2:e + 6]) \
                    and (dm := _DECIMAL_COMMA_RE.match(text, e)) is not None \
                    and (m.group("cur") in ("€", "EUR", "EUR ") or dm.group("eur")):
                # "2,50 €", "€4,99": the cents after a decimal comma, as euro prices are written
                num, e = text[m.start("num"):dm.end("d")], dm.end("d")
                value = _num_value(num.replace(",", "."))
        if e < n - 1 and text[e] in ".:" and text[e + 1].isdigit():
            if text[e] == ":" and value is None and not m.group("cur"):
                return clock_duration(text, m.start("num"))  # "2:30 hours", "took 1:05:30"
            return None  # version number (1.2.3) or clock time (0:00)
        if e < n and (text[e].isdigit() or text[e] == "," and text[e + 1:e + 2].isdigit()):
            return None
        if value is None and num[:2] == "0," and num[2:].isdigit():
            value = float("0." + num[2:])  # "0,805 $", "0,045$": a decimal comma (no number's thousands start with 0)
        mc = m.group("cur")
        q = Quantity(m.start(), e, num, _num_value(num) if value is None else value)
        bare_dollar = False
        if mc:
            q.cur = _CUR_OF_SIGN.get(mc.strip(), "USD")
            q.form = "currency"
            bare_dollar = mc == "$"
            if mc == "$" and (dp := dollar_prefix(text, pos)) is not None:
                if dp[1] is None:
                    return None  # "NZ$40": a currency the vocabulary lacks
                q.cur, q.start = dp[1], dp[0]  # "AU$2000", "A$5", "C$1800", "CDN$25": the letters are the amount's
                bare_dollar = False
        elif cur:
            q.cur, q.form = cur, "currency"
            bare_dollar = cur == "USD"  # (the second amount of "$10-15 CAD")
    p = q.end
    if not q.spelled:
        sm = _SFX_RE.match(text, p)
        if sm:
            q.scale = scale_name(sm.group("s"))
            p = sm.end()
        elif (c := text[p:p + 1]) in ("m", "b") and not text[p + 1:p + 2].isalnum() \
                and (q.cur or _M_COUNT_AFTER_RE.match(text, p + 1)
                     or c == "b" and _B_MODEL_AFTER_RE.match(text, p + 1)):
            # "$2.8m", "2.8m GPU hours": a million, not metres; "$5b", "70b parameters": a billion in lower case
            q.scale, p = ("million" if c == "m" else "billion"), p + 1
        else:
            sm = _SPACED_SFX_RE.match(text, p)
            if sm and (q.cur or _spaced_scale_ok(text, sm.end())):
                q.scale = scale_name(sm.group("s"))
                p = sm.end()
    if q.scale is None:
        sm = _SCALE_RE.match(text, p) or (_GLUED_SCALE_RE.match(text, p) if text[p:p + 1] in _GLUED_FIRSTS else None)
        if sm:
            q.scale = scale_name(sm.group("s"))
            p = sm.end()
    if bare_dollar and text[p:p + 1] in (" ", "\u00a0") and text[p + 1:p + 2] in ("A", "C", "U"):
        dm = _DOLLAR_CODE_AFTER_RE.match(text, p)
        if dm:  # "$40 CAD", "$1.5 million AUD": the code after the amount names its dollar
            q.cur, p = _DOLLAR_CODE_CUR[dm.group("c")], dm.end()
    if text[p:p + 1] == "+" and not q.spelled:  # "50+ tokens/s", "$10M+"
        q.post, p = "lower_bound", p + 1
        if q.scale is None:  # "$13+ billion", "500+ million users": the scale word after the plus
            sm = _SCALE_RE.match(text, p)
            if sm:
                q.scale = scale_name(sm.group("s"))
                p = sm.end()
    elif text[p:p + 5].lower() == "-plus" and not q.spelled and not text[p + 5:p + 6].isalnum():
        q.post, p = "lower_bound", p + 5  # "a 100-plus GW build-out", "10,000-plus GPUs"
    if text[p:p + 1] == "U" and not q.cur and not q.spelled and q.scale is None and q.post is None \
            and float(q.value).is_integer() and 1 <= q.value <= 60 and _RACK_UNIT_AFTER_RE.match(text, p + 1):
        # "4U GPU Servers", "42U Server Racks": a height in rack units (1U = 1.75 in), recorded in x
        q.atom, q.hint, q.form = "x", "rack-height", "count"
        q.end = p + 1
        return q
    if ("x" in text[p:p + 2] or "×" in text[p:p + 2]) and not q.cur and not q.spelled and q.scale is None \
            and float(q.value).is_integer() and 1 < q.value <= 16 and (km := _MEMORY_KIT_RE.match(text, p)):
        # "2 x 16 GB DDR4-3200", "2x 32GB DDR5 RAM": a memory kit of so many modules (the size is each
        # one's; "2x32GB", the size glued on, is left as it was read)
        q.atom, q.count, q.form = "item", True, "count"
        q.end = km.end("x")
        return q
    rm = _RATIO_RE.match(text, p)
    if not q.cur and not q.spelled and text[p:p + 1] in ("x", "×"):
        # "8x H100", "8xH100", "2x GPUs": so many GPUs
        gm = _gpu_after(text, p + 1, gpu_aliases) if (rm or text[p + 1:p + 2].isupper()) else None
        if gm is None and rm:
            gm = _card_after(text, p + 1)  # "2x 3090", "2x RTX 4090": so many graphics cards
        if gm is not None and not rm and (text[q.start - 1:q.start] == "`" or _IDENT_GOES_ON_RE.match(text, gm[1])):
            return None  # "`1xH100`", "1xA100-80GB-SXM": a configuration's label (code, an identifier), no count
        if gm is not None and rm and (not float(q.value).is_integer() or GPU_COMPARED_RE.match(text, gm[1])):
            gm = None  # "4.6x A100", "2x H100 performance": so many times what that GPU does, not GPUs
        if gm is None and rm:
            cm = _GPUS_AFTER_RE.match(text, p + 1)
            gm = (cm.start(1), cm.end(1)) if cm else None
            if gm is not None:
                q.atom, q.count, q.form = "GPU", True, "count"
                q.end = gm[1]
                return q
        if gm is not None:
            q.atom, q.count, q.form, q.gpu_span = "GPU", True, "count", gm
            q.end = p + 1
            return q
        if rm and q.scale is None and float(q.value).is_integer() and text[p + 1:p + 2] in (" ", "\t") \
                and (noun := _bullet_parts(text, q, p)) is not None:
            q.atom, q.count, q.form = noun, True, "count"  # "- 3x Leaf Switches": so many parts of a build
            q.end = p + 1
            return q
    if text[p + 1:p + 2] in _TIMES_SIGNS and text[p:p + 1] == " " and text[p + 2:p + 3] == " " \
            and not q.cur and not q.spelled and not rm and q.scale is None and float(q.value).is_integer() \
            and (gm := _gpu_after(text, p + 3, gpu_aliases) or _card_after(text, p + 3)) is not None \
            and not _IDENT_GOES_ON_RE.match(text, gm[1]) \
            and not GPU_COMPARED_RE.match(text, gm[1]) and not _GPU_MEMORY_COMPARED_RE.match(text, gm[1]):
        # "3 x P40 GPU", "8 × A100 80GB": so many GPUs, the sign spaced (not "2 x H100 memory",
        # "2 x H100 in memory bandwidth": so many times that GPU's memory)
        q.atom, q.count, q.form, q.gpu_span = "GPU", True, "count", gm
        q.end = p + 2
        return q
    if q.spelled and q.scale is None and not rm and q.num_text.lower() not in ("a", "an", "one", "half a", "each", "every"):
        sp = _SPELLED_PCT_RE.match(text, p)
        if sp:  # "ten percent", "a fifty-percent cut", "this thousand-percent increase"
            q.percent, q.form = True, "percent"
            q.end = sp.end()
            _percent_comparison(text, q)
            return q
    if q.spelled and q.scale is None and not rm:
        return _spelled_count(text, q, p, gpu_aliases)  # "two experts", "two months"; not "one token"
    if rm and not q.cur and rm.group(0)[-1:] in "sS" and not q.scale and float(q.value).is_integer() \
            and (_OCCURRENCE_RATE_RE.match(text, rm.end())
                 or _REPEAT_VERB_BEFORE_RE.search(text, max(0, q.start - 40), q.start)
                 and not _TIMES_COMPARED_RE.match(text, rm.end())):
        # "ran the tests 5 times for each engine", "four times per layer": how often something is
        # done, a count of occurrences (item), not so many times something else
        q.atom, q.count, q.form = "item", True, "word" if q.spelled else "count"
        q.end = rm.end()
        return q
    if rm is None and not q.cur and not q.spelled and q.scale is None and q.post is None \
            and text[q.start - 1:q.start] in _TIMES_SIGNS \
            and (_X_BEFORE_RE if text[q.start - 1] == "x" else _TIMES_BEFORE_RE).match(text, q.start - 1):
        q.start -= 1  # "x3.04": the sign before the number makes it a multiple (candidate_starts finds it)
        q.ratio, q.form = True, "ratio"
    elif rm and not q.cur:
        q.ratio, p, q.form = True, rm.end(), "ratio"
    else:
        pm = _PCT_RE.match(text, p)
        if pm and not q.cur:
            q.percent, p, q.form = True, pm.end(), "percent"
            if text[p:p + 1] == "+":
                q.post, p = "lower_bound", p + 1
    if not (q.ratio or q.percent):
        if not q.cur:
            cm = _CUR_SFX_RE.match(text, p)
            if cm and cm.group(0)[-1] in "€£" and _SPACED_GROUP_BEFORE_RE.search(text, max(0, q.start - 2), q.start) \
                    and len(q.num_text) == 3:
                cm = None  # "1 300 €": the last group of digits spaced by thousands, not 300 euros
            elif cm and cm.group(0).strip() == "$" and _math_open_before(text, q.start):
                cm = None  # "$n = 8$": the sign closes math opened before on the line, no dollar
            if cm:
                w = cm.group(0).strip()
                q.cur = _CUR_OF_SIGN.get(w) or ("cent" if w.lower().startswith(("cent", "¢")) else "EUR"
                                               if "euro" in w.lower() else "CNY"
                                               if w.lower() in ("yuan", "renminbi", "rmb") else "USD")
                q.form = "currency"
                p = cm.end()
        elif cur and m.group("num") and not m.group("cur") and text[p:p + 1] in (" ", "\u00a0", "$", "€") \
                and (cm := _SIGN_SFX_RE.match(text, p)) is not None and _CUR_OF_SIGN.get(cm.group(1), "USD") == cur:
            p = cm.end()  # "0,31 $ bis 0,33 $ pro Stunde": the range's second amount with its own sign after it
        if not q.cur:
            gm = _GAP_RE.match(text, p)
            if gm and "\n" in gm.group(0) and _GAP_BREAK_RE.search(gm.group(0)):
                gm = None  # "Requests per day: 10,000\n\n- Tokens/month: ...": the next paragraph's or item's word
            um = _UNIT_RE.match(text, gm.end()) if gm else None
            if um:
                q.atom = _UNIT_FORMS[int(um.lastgroup[1:])][1]
                q.mod = gm.group("mod")
                if q.atom == "Gbit/s" and um.group(0) in ("G", "Gigabit", "gigabit"):
                    q.hint = "interconnect-bandwidth"  # "100G Leaf Switches", "100 Gigabit Ethernet": a link's class
                if q.atom == "GPU-hour" and not um.group(0).lower().startswith("gpu"):
                    q.gpu_span = (um.start(), um.end())
                p = um.end()
                if um.group(0) in ("TPS", "RPS", "QPS"):
                    q.den = "s"  # "2,689 TPS", "4 RPS": the symbol holds its second
            elif q.value >= 1e9 and not q.scale and (om := _OPERATIONS_RE.match(text, p)) is not None \
                    and any(ch in q.num_text for ch in "eE×x^⁰¹²³⁴⁵⁶⁷⁸⁹") \
                    and (q.value >= 1e15 or _PER_SECOND_AFTER_RE.match(text, om.end()) is not None):
                # (a rate of fewer, "6.24×10¹⁴ dense INT8 operations per second": a second after them)
                q.atom, p = "FLOP", om.end()  # "3.8×10²⁰ operations", "3.14e23 operations": a run's compute
            elif (q.scale in ("billion", "trillion", "quadrillion")
                  or q.scale == "million" and text[p:p + 9] == " billion " and _OPERATIONS_RE.match(text, p + 8)) \
                    and (om := _OPERATIONS_RE.match(text, p if text[p:p + 9] != " billion " or q.scale != "million" else p + 8)) \
                    and _PER_SECOND_AFTER_RE.match(text, om.end()) is not None:
                if q.scale == "million":
                    q.scale = "quadrillion"  # "32 million billion operations per second": a million billions
                # "32 trillion operations per second": a rate of arithmetic in a scale word, as with its
                # power of ten (not "32 million operations": a count of anything, a scale too small to tell)
                q.atom, p = "FLOP", om.end()
            elif text[p:p + 1] == "-" and _hyphen_count(text, q, p) is not None:
                cnt = _hyphen_count(text, q, p)  # "8-GPU servers", "a 60-data-center event"
                _set_count(q, cnt, p, text)
                p = cnt[1]
            elif _count_ok(text, q):
                cnt = _count_at(text, p, gpu_aliases)
                if cnt is None and not q.scale and (om := _OF_THE_RE.match(text, p)):
                    # "20 of their data centers", "300 of the GPUs": so many of the things named
                    cnt = _count_at(text, om.end() - 1, gpu_aliases)
                    if cnt is not None and cnt[0].startswith("x:"):
                        cnt = None
                if cnt is None and (om := _OF_MAKER_RE.match(text, p)):
                    # "around 400,000 of Nvidia's GB200 Grace Blackwell processors": the maker's chips
                    cnt = _count_at(text, om.end() - 1, gpu_aliases)
                    if cnt is not None and cnt[0] != "GPU":
                        cnt = None
                if cnt is None and text[p:p + 1] == "`" and _CODE_RESULT_BEFORE_RE.search(text, max(0, q.start - 80), q.start):
                    # "we need `16.5e12 / 96e9 = 171` TPUs": the result of working written as code, its
                    # noun after the code span closes (not bare "cards": "so `21*8=168` cards for intra-node"
                    # counts a network chip's ports, which cards the working does not say)
                    cnt = _count_at(text, p + 1, gpu_aliases)
                    if cnt is not None and text[p + 1:cnt[1]].strip().lower() == "cards":
                        cnt = None
                if cnt is not None and cnt[0] == "item" and (q.scale in ("billion", "trillion")
                                                             or "." in q.num_text and not q.scale  # "3.1 models"
                                                             or _name_before(text, q.start)
                                                             or _TOP_BEFORE_RE.search(text, max(0, q.start - 8), q.start)
                                                             and not _RETRIEVED_RE.match(text, p)):
                    # "the 70B models": a model size; "Llama 3 models", "the 3.1 models": a version; "the top 10
                    # labs": a ranking's cut, no count of its own
                    cnt = None
                if cnt is not None and cnt[0] == "x:hidden-size" and q.scale in ("million", "billion", "trillion"):
                    cnt = None  # "the 13B model size": a parameter count, no hidden size is that large
                if cnt is None and not q.scale and "." not in q.num_text \
                        and _TOTAL_OF_BEFORE_RE.search(text, max(0, q.start - 16), q.start) \
                        and (tm := _PLURAL_NOUN_RE.match(text, p)) is not None:
                    cnt = ("item", tm.end(), None)  # "a total of 10 articles": so many of the things named
                if cnt is None and not q.scale and "." not in q.num_text and text[p:p + 1] == " " \
                        and (fm := _CONFIGS_RE.match(text, p)) is not None and not _name_before(text, q.start):
                    cnt = ("item", fm.end(), None)  # "we tested 60 configurations", "3 model sizes": so many of them
                if cnt is not None and cnt[0] == "query" and "out of" in text[max(0, q.start - 10):q.start]:
                    cnt = None  # "8-9 out of 10 images are fine": the whole a share is of, no count of its own
                if cnt is not None and cnt[0] == "core":
                    cnt = _plain_cores(text, q, p, cnt)
                if cnt is not None:
                    _set_count(q, cnt, p, text)
                    p = cnt[1]
        if q.cur or q.atom in _PER_UNITS:
            wm = _OF_WATER_RE.match(text, p) if q.atom in _VOLUME else None
            if wm and _PER_RE.match(text, wm.end()):
                p2 = _denominator(text, q, wm.end())
                p = p2 if q.den else p
            else:
                p = _denominator(text, q, p)
            if q.den == "year" and q.cur and q.atom is None and q.scale in _INVESTMENT_SCALES \
                    and _investment_flow(text, q.start, p):
                q.den = None  # "$1T/year of total AI investment": an investment (capex) is stated as its amount
        elif q.count and q.atom in ("word", "character", "line_of_code"):  # "250 words per page"
            tm = _TEXT_PER_RE.match(text, p)
            if tm:
                q.den, p = tm.group("d").lower().rstrip("s"), tm.end()
                if tm.group("n"):
                    q.den, q.den_count = "token", tm.group("n")
        elif q.atom == "example" and ("/" in text[p:p + 2] or "per" in text[p:p + 5]):
            em = _EXAMPLE_RATE_RE.match(text, p)  # "1580.2 samples/s", "40 samples per second": a throughput
            if em:
                q.den, p = _DEN_ATOMS[em.group("t").lower()], em.end()
        elif q.atom in _POWER and not q.count:  # "50 GW/year", "8 GW a year": capacity built per year
            bm = _BUILD_RATE_RE.match(text, p)
            if bm is None and text[p:p + 4] == " of ":
                bm = _BUILD_RATE_OF_RE.match(text, p)
            if bm:
                q.den, p = _DEN_ATOMS[bm.group("t").lower()], bm.end()
        elif q.atom in ("hour", "min") and not q.count:  # "6 hours/day", "8 hours a day": a share of the time
            dm = _DUTY_RE.match(text, p)
            if dm:
                q.den, p = _DEN_ATOMS[dm.group("t").lower()], dm.end()
        if q.den is None and not q.cur and (q.atom in _ACCRUING or q.atom in _RATE_OVER_TIME):
            p = _period_after(_TRAIL_PERIOD_RE, text, q, p)
        if q.den is None and (q.cur or (q.atom and not q.count)):
            sm = _PER_SCOPE_RE.match(text, p)
            if sm:
                q.scope, p = _SCOPE_OF[sm.group("s").lower()], sm.end()
                if q.cur and q.den is None:
                    wm = _PER_WORD_RE.match(text, p) or _PER_HOUR_RE.match(text, p)
                    if wm and wm.group(0).strip().lower() in ("hourly", "per hour", "/hour", "/hr", "/h", "an hour",
                                                              "a hour", "per hr"):
                        q.den, p = "hour", wm.end()
            if q.scope and q.den is None and (q.cur or q.atom in _PER_UNITS):
                p = _period_after(_SCOPE_PERIOD_RE, text, q, p)
    post = _POST_RE.match(text, p)
    if post:
        q.post, p = post.lastgroup, post.end()
        if q.cur and not q.den and not q.atom and not q.percent and not q.ratio:
            p = _denominator(text, q, p)  # "$2 or more per million output tokens", "$5 or less per hour"
    q.end = p
    if q.percent:
        _percent_comparison(text, q)
    return q


# a duration written as a clock reads ("2:30 hours", "54:20 minutes", "1:05:30 (hh:mm:ss)", "took
# 2:30:00"): hours, minutes (and seconds) between colons, the minutes and seconds two digits under 60
_CLOCK_RE = re.compile(r"(?P<a>[0-9]{1,3}):(?P<b>[0-5][0-9])(?::(?P<c>[0-5][0-9]))?(?![0-9:]|\.[0-9]|[A-Za-z])")
# what says which parts they are: a unit after it ("2:30 hours": hours and minutes, "54:20 min":
# minutes and seconds) or a format in brackets ("(hh:mm)", "(mm:ss)")
_CLOCK_UNIT_RE = re.compile(r"[ \t\u00a0]*(?:(?P<h>(?i:hours?|hrs?|h))|(?P<m>(?i:minutes?|mins?))"
                            r"|\((?P<fh>(?i:hh?:mm(?::ss)?))\)|\((?P<fm>(?i:mm?:ss))\))(?![A-Za-z0-9])")
# a time spent, named before the three parts ("took 2:30:00", "a runtime of 1:05:30", "finished in
# 3:12:45"); not a time of day ("at 14:30:00", "until 09:00:00")
_CLOCK_CUE_RE = re.compile(r"(?i)\b(?:took|takes|taking|lasted|lasts|ran[ \t]+for|runs[ \t]+for|(?:finished|completed|done"
                           r"|trained|train|training|ran)[ \t]+in|run[- ]?time|duration|elapsed|wall[- ]?clock"
                           r"|training[ \t]+time|total[ \t]+time)(?:[ \t]+(?:of|was|is|=|:))?[ \t:=]*[~≈]?[ \t]*$")
_CLOCK_NOT_BEFORE_RE = re.compile(r"(?i)\b(?:at|by|from|until|till|since|before|after|around|to)[ \t]+$")


def clock_duration(text: str, pos: int, hours_minutes: bool = False) -> Quantity | None:
    """The one reader of a duration written as a clock reads, at ``pos`` (parse_at calls it
    after a look at the colon; a table's reader for a column of hours and minutes): in minutes
    for hours and minutes ("2:30 hours" 150 min), in seconds when seconds are written ("54:20
    minutes" 3,260 s, "took 1:05:30" 3,930 s); None for a clock time or a score with nothing
    that says it is a duration. ``hours_minutes``: what stands around the number says its two
    parts are hours and minutes (a column headed "Time (h:m)"), as a format in brackets after
    it would ("54:20 (hh:mm)"): then "54:20" is 3,260 minutes with no unit after it."""
    m = _CLOCK_RE.match(text, pos)
    if m is None or _CLOCK_NOT_BEFORE_RE.search(text, max(0, pos - 8), pos):
        return None
    a, b, c = int(m.group("a")), int(m.group("b")), m.group("c")
    um = _CLOCK_UNIT_RE.match(text, m.end())
    if hours_minutes and um is None:
        if c is not None:
            return None  # three parts where two were said
        value = a * 60 + b
        return Quantity(pos, m.end(), m.group(0), float(value), atom="min") if value > 0 else None
    if um is not None and (um.group("m") or um.group("fm")):
        if c is not None:
            return None  # "1:02:03 minutes": no such reading
        value, atom = a * 60 + b, "s"
    elif um is not None:
        if um.group("fh") and (c is None) != (um.group("fh").count(":") == 1):
            return None  # the format's parts and the number's disagree
        if c is None and um.group("h") and (
                m.group("a")[0] == "0" and a <= 23 and len(m.group("a")) == 2
                or um.group("h").lower() == "h" and not _CLOCK_CUE_RE.search(text, max(0, pos - 40), pos)):
            return None  # "09:00 h": a time of day; "3:20 h" with no time spent named before it, a score or a time
        value, atom = (a * 60 + b, "min") if c is None else (a * 3600 + b * 60 + int(c), "s")
    elif c is not None and _CLOCK_CUE_RE.search(text, max(0, pos - 40), pos):
        value, atom = a * 3600 + b * 60 + int(c), "s"
    else:
        return None
    if value <= 0:
        return None
    end = um.end() if um is not None else m.end()
    return Quantity(pos, end, m.group(0), float(value), atom=atom)


#: A duration written in two units, hours then minutes ("3 hours and 20 minutes", "~2h 10min",
#: "1 hr, 5 min"): whole hours, their unit, a blank, a comma or "and", then whole minutes
_HOURS_MINUTES_RE = re.compile(r"(?<![\w.,])(?P<big>[0-9]{1,3})[ \t]*(?i:hours?|hrs?|h)(?:[ \t]*,[ \t]*|[ \t]+(?i:and)[ \t]+|[ \t]*)"
                               r"(?P<small>[0-9]{1,2})[ \t]*(?i:minutes?|mins?|m)(?![A-Za-z0-9])")

#: A duration written in two units, minutes then seconds ("13min 13s", "1m30s", "3 min 20 sec",
#: "2 minutes and 5 seconds"): whole minutes, their unit, a blank, a comma or "and", then whole seconds
_MINUTES_SECONDS_RE = re.compile(r"(?<![\w.,])(?P<big>[0-9]{1,3})[ \t]*(?i:minutes?|mins?|m)(?:[ \t]*,[ \t]*|[ \t]+(?i:and)[ \t]+|[ \t]*)"
                                 r"(?P<small>[0-9]{1,2})[ \t]*(?i:seconds?|secs?|s)(?![A-Za-z0-9])")

#: an hours' part right before a duration's minutes ("2h 10m 5s"): the minutes are no duration's start
_HOURS_BEFORE_RE = re.compile(r"[0-9][ \t]*(?i:hours?|hrs?|h)[ \t,]*$")


@dataclass(slots=True)
class TwoUnitDuration:
    """One duration written in two units, sixty of the smaller to one of the larger (hours and
    minutes, minutes and seconds): where it starts (the larger unit's first digit), where its
    smaller unit's figure starts and where it ends (after that unit), and the two whole counts."""
    start: int
    small_at: int
    end: int
    big: int
    small: int

    @property
    def total(self) -> int:
        """The duration in the smaller unit (minutes for hours and minutes, seconds for minutes
        and seconds)."""
        return self.big * 60 + self.small


def _two_unit_durations(pattern: re.Pattern, text: str, lo: int, hi: int | None,
                        before: re.Pattern | None = None) -> list[TwoUnitDuration]:
    """The durations ``pattern`` (groups ``big`` and ``small``) finds between ``lo`` and ``hi``:
    only a whole count under 60 of the smaller unit, and none where ``before`` matches in the 12
    characters before it (a larger unit still, the start of a duration in three units)."""
    out = []
    for m in pattern.finditer(text, lo, len(text) if hi is None else hi):
        small = int(m.group("small"))
        if small < 60 and (before is None or not before.search(text, max(0, m.start() - 12), m.start())):
            out.append(TwoUnitDuration(m.start(), m.start("small"), m.end(), int(m.group("big")), small))
    return out


def hours_and_minutes(text: str, lo: int = 0, hi: int | None = None) -> list[TwoUnitDuration]:
    """The one reader of a duration in hours and minutes ("2h 10min" is 130 minutes) between
    ``lo`` and ``hi``, for a quote's check and for a draft alike. Only whole minutes under 60
    after whole hours: "2 hours 90 minutes" and "1.5 h 10 min" are no such duration (a pair of
    figures, or a slip)."""
    return _two_unit_durations(_HOURS_MINUTES_RE, text, lo, hi)


def minutes_and_seconds(text: str, lo: int = 0, hi: int | None = None) -> list[TwoUnitDuration]:
    """The one reader of a duration in minutes and seconds ("13min 13s" is 793 seconds) between
    ``lo`` and ``hi``, for a quote's check and for a draft alike, as :func:`hours_and_minutes`
    reads hours and minutes: only whole seconds under 60 after whole minutes, and not the minutes
    of a duration in hours and minutes ("2h 10m 5s" is none: three units)."""
    return _two_unit_durations(_MINUTES_SECONDS_RE, text, lo, hi, _HOURS_BEFORE_RE)


# How far before its start parse_at reads (its look-backs reach 80 characters): parse_upto
# keeps this much of the text before ``pos``, and more than enough of it
_UPTO_MARGIN = 400


def parse_upto(text: str, pos: int, end: int, cur: str | None = None, gpu_aliases: tuple = ()) -> Quantity | None:
    """``parse_at(text[:end], pos, ...)`` (a table cell's or a formula's number, read no
    further than ``end``) without copying the whole text before ``pos``: a slice of a
    megabyte costs a third of a millisecond, the number a microsecond. It reads the text
    from ``_UPTO_MARGIN`` characters before ``pos``, where parse_at's look-backs never
    reach, and gives the positions in ``text``."""
    lo = pos - _UPTO_MARGIN
    if lo <= 0:
        return parse_at(text[:end], pos, cur=cur, gpu_aliases=gpu_aliases)
    q = parse_at(text[lo:end], pos - lo, cur=cur, gpu_aliases=gpu_aliases)
    if q is not None:
        q.start += lo
        q.end += lo
        if q.resume is not None:
            q.resume += lo
        if q.gpu_span is not None:
            q.gpu_span = (q.gpu_span[0] + lo, q.gpu_span[1] + lo)
    return q


#: A price's direction written between the amount and its denominator ("$15 output per million
#: tokens", "$3 input/1M tokens").
_DIR_BEFORE_PER_RE = re.compile(r"[ \t]+(?P<dir>(?i:input|output|prompt|completion|out))(?=[ \t]*(?:/|(?i:per)[ \t]))")


#: "$12/1M", "$2.50 / 1M input": a price per million with no noun after it is per million
#: tokens (what is priced per million in writing about models); a noun after it is read as written
#: ("$2.00/M blended", "$3/M input": the 1 left out of "per million"; a blended price is per token too)
_PER_MILLION_BARE_RE = re.compile(r"[ \t]*/[ \t]*(?:1[ \t]?(?P<count>[MK])|(?P<m>M))\b"
                                  r"(?:[ \t]+(?P<dir>(?i:input|output)))?(?:[ \t]+(?i:blended)\b)?"
                                  r"(?![ \t]*(?!(?:vs|versus|or|and|to|for|on|in|with|at|from|is|was)\b)[A-Za-z0-9])")


#: what an amount of money is, named between it and its denominator ("$12,000 revenue per MWh",
#: "$0.40 cost per hour")
_MONEY_NOUN_PER_RE = re.compile(r"[ \t]+(?i:revenue|costs?|profits?|margin|spend(?:ing)?|savings?)(?=[ \t]+(?i:per)[ \t])"
                                # what the money buys, after "in" ("$3,500 in compute per month", "$400 in API
                                # fees every month"): the amount spent at that rate
                                r"|[ \t]+(?i:in)[ \t]+(?:(?i:cloud|api|gpu|inference|hosting|server|llm|token)[ \t]+)?"
                                r"(?i:compute|costs|fees|bills?|spend(?:ing)?|credits|usage|charges)(?=[ \t]+(?i:per|every|each|an?)[ \t])")


#: scales an investment or capital budget of a year is written in ("$135 billion annually")
_INVESTMENT_SCALES = frozenset({"million", "billion", "trillion"})
# an investment or capital expenditure named in the sentence of a yearly amount
_INVESTMENT_CUE_RE = re.compile(r"(?i)\b(?:invest(?:ment|ments|ing|ed)?|capex|capital[ \t]+expenditures?|funding)\b")
# ... unless the amount is what is earned or spent to run things
# (a run rate is revenue: "Series F funding ..., growing from about $1B run-rate in January")
_NOT_INVESTMENT_RE = re.compile(r"(?i)\b(?:revenues?|sales|income|profits?|earnings|opex|operating|depreciation|returns?"
                                r"|run[- ]?rates?|ARR)\b")


def _investment_flow(text: str, s: int, e: int) -> bool:
    """Whether the yearly amount of money at [s, e) is an investment or capital budget ("total AI
    investment could be north of $1T annually", "$1T/year of total annual AI investment", "stack
    capex alone is modelled at $326 B/year", "peak years of funding ... ~$100 billion annually"): a
    cue word in its sentence, within 120 characters before it or 60 after, and no word of revenue or
    running costs there. Such amounts are curated as the amount invested, not as a cost rate."""
    lo = max(s - 120, text.rfind(". ", 0, s) + 1, text.rfind("\n", 0, s) + 1)
    hi = min(len(text), e + 60)
    dot = text.find(". ", e, hi)
    if dot >= 0:
        hi = dot
    nl = text.find("\n", e, hi)
    if nl >= 0:
        hi = nl
    return _INVESTMENT_CUE_RE.search(text, lo, hi) is not None and _NOT_INVESTMENT_RE.search(text, lo, hi) is None


#: the unit's symbol in brackets after the unit in words ("394 kilowatt-hours (kWh) a month", "40
#: terawatt-hours (TWh) per year"): the denominator follows it
_UNIT_SYMBOL_PAREN_RE = re.compile(r"[ \t]*\((?P<u>[A-Za-z]{1,5})\)")


def _unit_symbol_paren_end(text: str, q: Quantity, p: int) -> int | None:
    """The end of a bracketed symbol at ``p`` that restates ``q``'s unit, else None."""
    m = _UNIT_SYMBOL_PAREN_RE.match(text, p)
    if m is None or q.atom is None:
        return None
    um = _UNIT_RE.match(text, m.start("u"))
    if um is None or um.end() != m.end("u") or _UNIT_FORMS[int(um.lastgroup[1:])][1] != q.atom:
        return None
    return m.end()


def _denominator(text: str, q: Quantity, p: int) -> int:
    pm = _PER_RE.match(text, p)
    if pm is None and q.atom in _ENERGY and (pe := _unit_symbol_paren_end(text, q, p)) is not None:
        pm = _PER_RE.match(text, pe)
    if pm is None and q.cur and (fm := _PER_FOREIGN_RE.match(text, p)) is not None:
        den = fm.group("den").lower()
        if den.startswith("gpu-"):
            q.den, q.scope = "GPU-hour", "per-gpu"
        else:
            q.den = _FOREIGN_DEN[den]
            if q.den == "token":
                if fm.group("count") is None:
                    return p  # ("5 € pro Token" is written by no one; "pro Tokens" is no rate)
                q.den_count = "1M"
        return fm.end()
    if pm is None and q.cur and not q.den and (nm := _MONEY_NOUN_PER_RE.match(text, p)):
        pm = _PER_RE.match(text, nm.end())
    if pm is None and q.cur and not q.den:
        bm = _PER_MILLION_BARE_RE.match(text, p)
        if bm:
            q.den, q.den_count = "token", "1" + (bm.group("count") or bm.group("m"))
            if bm.group("dir"):
                q.direction = bm.group("dir").lower()
            return bm.end()
    dir_before = None
    if pm is None and q.cur:
        dm = _DIR_BEFORE_PER_RE.match(text, p)
        if dm:
            pm2 = _PER_RE.match(text, dm.end())
            if pm2 and pm2.group("den").lower().startswith(("tok", "mtok")) and not pm2.group("dir"):
                pm, dir_before = pm2, dm.group("dir").lower()
                if dir_before == "out":  # "$3 in, $15 out per million tokens"
                    dir_before = "output"
    if pm and _per_allowed(q, pm.group("den")) \
            and not (q.atom == "FLOP" and pm.group("den")[:1] in "tT" and _PER_PARAMETER_NEXT_RE.match(text, pm.end())):
        q.den, scope = _den_atom(pm.group("den"), pm.group("inst"))
        if q.den == "GPU":  # "$7,800 per GPU": per-GPU scope, not a unit
            q.den = None
        q.scope = scope or q.scope
        if scope == "per-gpu" and q.gpu_span is None and not pm.group("den").lower().startswith("gpu"):
            q.gpu_span = (pm.start("den"), pm.end("den"))
        q.den_count = pm.group("count")
        q.direction = (pm.group("dir") or "").lower() or dir_before
        if pm.group("pair"):  # the pair's first amount makes it the output price (drafts._share_pair)
            q.dir_pair = True
        p = pm.end()
        if q.den in ("kW", "MW", "GW") or q.den in _DATA_DENS:
            tm = _PER_TIME_RE.match(text, p)
            if tm:
                q.den, p = q.den + "/" + _DEN_ATOMS[(tm.group("t") or tm.group("t2")).lower()], tm.end()
        if q.den is None:  # "per GPU per hour"
            hm = _PER_HOUR_RE.match(text, p)
            if hm:
                q.den, p = "GPU-hour", hm.end()
        elif q.den == "hour" and q.cur:
            sm = _PER_SCOPE_RE.match(text, p)
            if sm:
                q.scope, p = _SCOPE_OF[sm.group("s").lower()], sm.end()
                if q.scope == "per-gpu":
                    q.den = "GPU-hour"
        elif q.den in ("month", "year") and q.cur and q.scope is None:
            sm = _PER_SCOPE_RE.match(text, p)
            if sm:
                q.scope, p = _SCOPE_OF[sm.group("s").lower()], sm.end()
        if q.den == "GPU-hour" and q.scope is None:
            q.scope = "per-gpu"
    elif q.atom in _ELECTRICITY and (um := _ANNUAL_USE_BEFORE_RE.search(text, max(0, q.start - 80), q.start)):
        q.den = _PERIOD_WORD_DEN.get(um.group("w").lower(), "year")  # "Denmark's annual electricity consumption (33 TWh)": a rate per year
    elif q.atom in _ELECTRICITY and (ym := _YEAR_BEFORE_RE.search(text, max(0, q.start - 48), q.start)):
        q.den = _DEN_ATOMS[ym.group("t").lower()]  # "in a year it would represent 14 TWh", "Each year, data centres use 200 TWh"
    elif q.atom in _EMISSIONS and (em := _PERIOD_EMISSIONS_BEFORE_RE.search(text, max(0, q.start - 48), q.start)):
        q.den = _PERIOD_WORD_DEN.get(em.group("w").lower(), "year")  # "Monthly emissions: 40.4 lbs CO2": a rate per month
    elif q.cur:
        wm = _PER_WORD_RE.match(text, p)
        if wm:
            w = wm.group("w").lower()
            q.den = {"annually": "year", "per annum": "year", "yearly": "year",
                     "monthly": "month", "daily": "day", "hourly": "hour"}[w]
            p = wm.end()
        elif q.atom is None and _ANNUALISED_AFTER_RE.match(text, p):
            q.den = "year"  # "$2 billion on an annualised basis", "$10bn ARR": a yearly rate
            p = _ANNUALISED_AFTER_RE.match(text, p).end()
        elif q.atom is None and _ANNUAL_FLOW_AFTER_RE.match(text, p):
            q.den = "year"  # "$40 billion in annual depreciation": a yearly rate (the words stay context)
        elif q.atom is None and (_SALARY_AFTER_RE.match(text, p)
                                                 or _SALARY_BEFORE_RE.search(text, max(0, q.start - 24), q.start)):
            q.den = "year"  # "At a $100,000 salary", "a salary of $85,000": a salary is a year's pay
        elif q.atom is None and _ANNUALISED_BEFORE_RE.search(text, max(0, q.start - 48), q.start):
            q.den = "year"  # "revenue run rate crossed $13 billion", "annualized revenue to $3.4 billion"
        elif q.atom is None and (fm := _FOREIGN_RATE_BEFORE_RE.search(text, max(0, q.start - 24), q.start)) is not None:
            q.den = _FOREIGN_DEN[fm.group("d").lower()]  # "kostete eine H100 pro Stunde 6,88 $": the hour's price
        elif q.atom is None:
            bm = _RATE_BEFORE_RE.search(text, max(0, q.start - 60), q.start)
            if bm:
                w = bm.group("w").lower()
                q.den = {"hourly": "hour", "daily": "day", "weekly": "week", "monthly": "month", "yearly": "year",
                         "annual": "year", "annually": "year"}.get(w) or w[4:]
            elif "at" in text[max(0, q.start - 90):q.start].lower() \
                    and (vm := _VOLUME_PERIOD_BEFORE_RE.search(text, max(0, q.start - 90), q.start)):
                q.den = vm.group("t").lower()  # "at 20 posts a month, images alone cost $10.8": a month's cost
    return p


_DIGIT_RE = re.compile(r"[0-9]")
_NAME_BEFORE_RE = re.compile(r"[A-Z][A-Za-z]*[ -]$")
# capitalised words that start a sentence before a count and name nothing ("About 11.6 million households
# lost power.", "Nearly 300 facilities", "Over 20 companies"): a qualifier's cue, a determiner or a
# preposition
_NOT_NAME_WORDS = frozenset(w.capitalize() for w in (
    "about around approximately approx roughly nearly almost some circa over under below above only just "
    "more fewer less exactly another all the these those its their our his her each every and but with by for "
    "in of to from at as after before since until across than "
    # a clause's first word: "While 20 labs train models", "When 30 companies joined", "Among 50 labs"
    "while when whereas although though because if unless once whether so yet or nor then now today still "
    "also even among amid between during within without through into on upon despite like unlike".split()))


# a model family's name written in lower case, as notes and front matter often do ("llama 4 models
# include Behemoth", "claude 3 models"): a version follows it, as after the capitalised name
# (the names stay here, not read from datasets/entities/: this module reads numbers without a
# registry, for arith, vet and quotenumbers too, so a list filled in by loading one would make the
# same text read differently in one process and another; the registry's first words of model names
# before a version add 25 more, "opus", "haiku", "sonnet", "composer", "voyage" among them, and lack
# the family deepseek (its names are "DeepSeek-V3", "DeepSeek-R1"); those decide otherwise at 11 places in 9
# development texts and leave every corpus text's drafts as they are, December 2026.
# tests/test_tidy85.py checks that each name here is still a registry model's first word)
_LOWER_FAMILY_BEFORE_RE = re.compile(r"(?<![\w-])(?:llama|claude|gemini|gemma|qwen|mistral|mixtral|phi|deepseek"
                                     r"|grok|falcon|gpt)[ -]$")


def _name_before(text: str, start: int) -> bool:
    """Whether a capitalised name stands right before ``start`` ("Llama 3 models", "GPT-4 ..."), not a
    sentence's first word ("About 11.6 million households"), or a model family's name in lower case
    ("llama 4 models")."""
    m = _NAME_BEFORE_RE.search(text, max(0, start - 24), start)
    if m is None:
        return _LOWER_FAMILY_BEFORE_RE.search(text, max(0, start - 10), start) is not None
    return not (m.group()[-1] == " " and m.group()[:-1] in _NOT_NAME_WORDS)
_TOP_BEFORE_RE = re.compile(r"(?i)\btop[ \t-]+$")
# after "top N": the documents a retrieval step keeps ("the top 40 documents are rescored"), a setting of
# the pipeline, not a ranking's cut
_RETRIEVED_RE = re.compile(r"[ \t]+documents\b")
_OF_THE_RE = re.compile(r"[ \t]+of[ \t]+(?:their|those|these|the|its|our|his|her)[ \t]")
# "400,000 of Nvidia's GB200 processors": so many of a chip maker's chips
_OF_MAKER_RE = re.compile(r"[ \t]+of[ \t]+(?:NVIDIA|Nvidia|AMD|Intel|Google)['’]s[ \t]")
# a GPU's name before it makes a processor a GPU ("GB200 Grace Blackwell processors")
# (or "units" after a maker's name and the GPU's: "up to 50,000 Nvidia GB200 NVL72 units", the
# registry's GPU, as "2 million H100 units" are)
_PROCESSORS_RE = re.compile(r"(?:NVL[0-9]{1,3}[ \u00a0]+)?(?i:processors|units)(?![A-Za-z0-9])")
_GPUS_AFTER_RE = re.compile(r"[ \u00a0]((?i:gpus|accelerators|cards))(?![A-Za-z0-9])")
_SLASH_PER_RE = re.compile(r"\s*(?:/|(?i:per)\b)")
_VENDOR_RE = re.compile(r"[ \u00a0]?(?:NVIDIA |Nvidia |AMD )?")
_YEAR_RE = re.compile(r"1[89][0-9]{2}|20[0-3][0-9]")


_SIZE_ADJ_RE = re.compile(r"[0-9][0-9,.]*[kK]?-[A-Za-z]")


def _set_count(q: Quantity, cnt: tuple, p: int, text: str) -> None:
    noun = cnt[0]
    if noun.startswith("x:"):
        q.atom, q.hint, q.form = "x", noun[2:], "count"
    else:
        q.atom, q.count, q.form = noun, True, "count"
        if len(cnt) > 3:
            q.hint = cnt[3]  # (what the count is of: users in flight are a concurrency)
    q.gpu_span = cnt[2]
    inner = _DIGIT_RE.search(text, p, cnt[1])
    if inner and not _SIZE_ADJ_RE.match(text, inner.start()):  # "310 million 20-token inferences": a size
        q.resume = inner.start()


#: between a verb of doubling or halving and "every"/"each": what doubles ("doubles in size every 18
#: months", "halves in price every nine months") and a hedge ("roughly", "approximately", "once")
_GROWTH_NOUNS = (r"size|price|cost|value|number|capability|capacity|scale|speed|performance"
                 r"|length|volume|revenue|headcount|usage|density")
DOUBLING_BETWEEN = (r"(?:[ \t]+(?i:in)[ \t]+(?i:" + _GROWTH_NOUNS + r")"
                    # the object of the verb ("must double AI serving capacity every six months", "doubles
                    # its revenue every year"): a determiner and up to two words before one of the nouns
                    r"|(?:[ \t]+(?i:its|their|the|our|his|her|this|that))?(?:[ \t]+[A-Za-z][A-Za-z-]*){0,2}[ \t]+(?i:"
                    + _GROWTH_NOUNS + r"))?"
                    r"(?:[ \t]+(?i:roughly|about|around|approximately|nearly|almost|once|only|just|[a-z]+ly))?")
# (and a doubling's period: "computing power doubles every two years")
_DURATION_CUE_RE = re.compile(r"(?i)\b(?:took|takes?|taking|lasted|lasts|for|over|under|within|less than|more than"
                              r"|(?:(?:doubl|tripl|halv)[a-z]*|(?:by|in)[ \t]+half)" + DOUBLING_BETWEEN + r"[ \t]+every"
                              r"|close(?:r)? to|next|(?:the|its|their|our) (?:past|last|first|previous)"
                              r"|about|around|nearly|almost|roughly|approximately|some|only|just)\s+$")
#: a doubling's verb with its object before "every" ("double AI serving capacity every six months"), too
#: long for the cues' short window
_DOUBLING_CUE_RE = re.compile(r"(?i)\b(?:doubl|tripl|halv)[a-z]*" + DOUBLING_BETWEEN + r"[ \t]+every\s+$")
_DURATION_RE = re.compile(r"(?P<half>[\s-]+(?i:and a half))?(?P<plus>-?(?i:plus))?"
                          r"[\s-]+(?P<u>(?i:minutes?|hours?|days?|weeks?|months?|years?|decades?))\b")
# after a duration, what it was spent on ("two hours of DeepSeek usage", "thirty minutes of casual
# coding"): the time an activity takes; not "of the ...", "of it" (a part of a period named after)
_DURATION_OF_RE = re.compile(r"[ \t]+of[ \t]+(?!(?i:the|a|an|this|that|these|those|it|them|which|our|their|its)\b)"
                             r"[A-Za-z]")
# after a duration: "two and a half years ago", "in the two-plus years since"
_DURATION_AFTER_RE = re.compile(r"[ \t]+(?i:ago|since)\b")
# ... and a time between two events: "six months later", "two years ahead of"
_DURATION_BETWEEN_RE = re.compile(r"[ \t]+(?i:later|earlier|ahead)\b")
# ... a delay ("two years late", "two years behind schedule") and a time after an event ("Two years
# post-announcement")
_THAT_BEFORE_RE = re.compile(r"(?i)\b(?:that|this|those|these)[ \t]+$")
_DURATION_LATE_RE = re.compile(r"[ \t]+(?:(?i:late|behind)\b|(?i:post)-[a-z])")
#: nouns a hyphenated duration names the length of ("a 4-year lifecycle", "a nine-year ramp")
PERIOD_NOUN_RE = re.compile(r"(?i)[ \t]+(?:[a-z]+[ \t]+)?(?:amorti[sz]ation|depreciation|lifecycle|life(?:time|span)?"
                            r"|horizon|term|commitment|contract|lease|warranty|period|window|ramp|plan|reservation"
                            # an agreement's term ("a Five-year partnership", "a 20-year PPA")
                            r"|partnership|agreement|deal|pact|PPA|licen[cs]e"
                            # a delay of so long ("two-year slips", "a six-month delay")
                            r"|slip|delay"
                            # a growth's period ("a 3.4-month doubling time")
                            r"|(?:doubling|halving)[ \t]+time)s?\b")
_OF_AFTER_RE = re.compile(r"[ \t]+of[ \t]")
_A_UNIT_RE = re.compile(r"[ \t]+(?P<u>(?i:" + _A_UNIT_WORDS + r"))\b")
_A_UNIT_CUE_RE = re.compile(r"(?i)\b(?:about|around|roughly|nearly|almost|approximately|over|under|more than|less than"
                            r"|up to|close to|just|only)\s+$")
# a power unit in full and in the plural after a spelled number of two or more (not "-hours": an energy)
_SPELLED_POWER_RE = re.compile(r"[ \t]+(?P<u>(?i:kilowatts|megawatts|gigawatts|terawatts))\b(?![-‑][Hh]ours?\b)")
_SPELLED_COUNTS = {"GPU", "node", "x:layers", "x:attention-heads", "x:kv-heads", "x:experts-total", "rack", "item"}


_ONE_CUE_RE = re.compile(r"(?i)\b(?:for|over|within|took|takes|lasted|lasts|only|just)[ \t]+$")
_IN_BEFORE_RE = re.compile(r"(?i)\bin[ \t]+$")
_AT_A_TIME_RE = re.compile(r"(?:[ \t]+(?P<n>(?i:request|query|prompt|call|job)s?))?[ \t]+(?i:at[ \t]+a[ \t]+time)\b")
_REQUESTS_BEFORE_RE = re.compile(r"(?i)\b(?:requests|queries|prompts|calls|jobs)[ \t]+(?:[a-z]+[ \t]+)?$")


def _spelled_count(text: str, q: Quantity, p: int, gpu_aliases: tuple) -> Quantity | None:
    """Spelled numbers count things and durations ("two experts", "a single GPU", "two
    months"), never "one token" or "a year"."""
    dm = _DURATION_RE.match(text, p)
    if q.num_text.lower() == "one" and (am := _AT_A_TIME_RE.match(text, p)) \
            and (am.group("n") or _REQUESTS_BEFORE_RE.search(text, max(0, q.start - 40), q.start)):
        q.atom, q.count, q.hint, q.form, q.end = "query", True, "concurrency", "word", am.end()
        return q
    one = q.num_text.lower() in ("one", "a single", "one single", "single")
    if one and dm and not dm.group("half") and not dm.group("plus") and not dm.group("u").lower().endswith("s") \
            and not dm.group("u").lower().startswith("decade") and not _DURATION_AFTER_RE.match(text, dm.end()) \
            and (_ONE_CUE_RE.search(text, max(0, q.start - 12), q.start)
                 or q.num_text.lower() != "one" and _IN_BEFORE_RE.search(text, max(0, q.start - 4), q.start)):
        # "rent it for one hour", "within a single day", "in a single year": a duration of one
        q.atom = _duration_atom(dm.group("u"))
        q.form, q.end = "word", dm.end()
        return q
    if q.num_text.lower() in ("a", "an", "one", "half a", "each", "every") and not (dm and dm.group("u").lower().startswith("decade")):
        um = _A_UNIT_RE.match(text, p) if q.num_text.lower() != "half a" else None
        if um and (_A_UNIT_CUE_RE.search(text, max(0, q.start - 24), q.start)
                   or q.num_text.lower() == "one" and _OF_AFTER_RE.match(text, um.end())):
            # "about a terabyte", "one megawatt of capacity": one of a unit named in full
            q.atom = _UNIT_FORMS[int(_UNIT_RE.match(text, um.start("u")).lastgroup[1:])][1]
            q.form, q.end = "word", um.end()
            return q
        return None
    if (um := _SPELLED_POWER_RE.match(text, p)) is not None:
        # "could scale up to five gigawatts", "two megawatts of IT load": so much power, in words
        q.atom = _UNIT_FORMS[int(_UNIT_RE.match(text, um.start("u")).lastgroup[1:])][1]
        q.form, q.end = "word", um.end()
        return q
    cnt = _count_at(text, p, gpu_aliases)
    if cnt is not None and cnt[0] in _SPELLED_COUNTS:
        _set_count(q, cnt, p, text)
        q.form, q.end = "word", cnt[1]
        return q
    if dm is None:
        return None
    decade = dm.group("u").lower().startswith("decade")
    value = q.value * (10 if decade else 1) + (0.5 if dm.group("half") else 0)
    cue = _DURATION_CUE_RE.search(text, max(0, q.start - 24), q.start) \
        or _DOUBLING_CUE_RE.search(text, max(0, q.start - 64), q.start)  # (a verb's object between)
    if cue and q.num_text.lower() in ("a", "an") and cue.group(0).strip().lower() == "over":
        cue = None  # "over a decade": throughout, not more than
    # "two and a half years ago", "the two-plus years since": a time since, in years
    since = (decade or dm.group("u").lower().startswith("year")) and _DURATION_AFTER_RE.match(text, dm.end()) \
        or _DURATION_BETWEEN_RE.match(text, dm.end())
    # "two years behind schedule", "arriving two years late", "Two years post-announcement": a delay or
    # a time since an event, in words
    late = not decade and _DURATION_LATE_RE.match(text, dm.end())
    # "a two-year lease", "Nine-year ramp", "two-year slips": the length of a period named after it
    period = not decade and text[p:p + 1] == "-" and not dm.group("half") and not dm.group("plus") \
        and not dm.group("u").lower().endswith("s") and PERIOD_NOUN_RE.match(text, dm.end()) \
        and not _THAT_BEFORE_RE.search(text, max(0, q.start - 8), q.start)  # (not "that six-month period": one named before)
    if value >= 2 and (cue or since or late or period or not decade and _DURATION_OF_RE.match(text, dm.end())):
        q.atom = "year" if decade else _duration_atom(dm.group("u"))
        q.value = value
        if late and not cue and not since and text[dm.end():dm.end() + 5].lower().strip() != "post":
            q.hint = "schedule-delay"  # "two years late", "two years behind schedule": a delay
        if dm.group("plus"):
            q.post = "lower_bound"
        q.form, q.end = "word", dm.end()
        return q
    return None


def _duration_atom(u: str) -> str:
    u = u.lower()
    return "min" if u.startswith("min") else {"h": "hour", "d": "day", "w": "week", "m": "month", "y": "year"}[u[0]]


_DURATION_UNIT = r"(?P<u>(?i:hours?|days?|weeks?|months?|years?|decades?))\b"
# "two to three years", "four or five months", "two-to-three years": a range of durations in words
_SPELLED_RANGE_RE = re.compile(r"(?P<a>(?i:" + _RANGE_SECOND_WORDS + r"))[\s-]+(?i:to|or)[\s-]+(?P<b>(?i:"
                               + _RANGE_SECOND_WORDS + r"))[\s-]+" + _DURATION_UNIT)
# "from three years to four": the unit stated once, after the first word
_SPELLED_FROM_RANGE_RE = re.compile(r"(?P<a>(?i:" + _RANGE_SECOND_WORDS + r"))[\s-]+" + _DURATION_UNIT
                                    + r"[ \t]+(?i:to)[ \t]+(?P<b>(?i:" + _RANGE_SECOND_WORDS + r"))\b"
                                    r"(?:[ \t]+(?i:hours?|days?|weeks?|months?|years?|decades?)\b)?"
                                    r"(?![ \t]+(?!(?i:in|by|at|and|or|of|for|as|after|before|later|ago)\b)[A-Za-z])")
_FROM_BEFORE_RE = re.compile(r"(?i)\bfrom[ \t]+$")
# "two to three times faster", "four or five-fold": a range of multipliers in words
_SPELLED_TIMES_RANGE_RE = re.compile(r"(?P<a>(?i:" + _RANGE_SECOND_WORDS + r"))[\s-]+(?i:to|or)[\s-]+(?P<b>(?i:"
                                     + _RANGE_SECOND_WORDS + r"))[\s-]*(?i:times|fold)\b")


def spelled_range_at(text: str, pos: int) -> tuple[int, float, float, str] | None:
    """A range of durations in words starting at ``pos`` ("two to three years", "four or five
    months", "from three years to four"): (end, low, high, unit atom), or None. A range that
    does not rise ("three to two years") is none."""
    m = _SPELLED_RANGE_RE.match(text, pos)
    if m is None and (tm := _SPELLED_TIMES_RANGE_RE.match(text, pos)) is not None:
        lo, hi = float(_SPELLED[tm.group("a").lower()]), float(_SPELLED[tm.group("b").lower()])
        return (tm.end(), lo, hi, "x") if lo < hi else None  # "two to three times faster": 2-3x
    if m is None:
        m = _SPELLED_FROM_RANGE_RE.match(text, pos)
        if m is None or not _FROM_BEFORE_RE.search(text, max(0, pos - 8), pos):
            return None
    lo, hi = float(_SPELLED[m.group("a").lower()]), float(_SPELLED[m.group("b").lower()])
    if not lo < hi:
        return None
    u = m.group("u").lower()
    if u.startswith("decade"):
        return m.end(), lo * 10, hi * 10, "year"
    return m.end(), lo, hi, {"h": "hour", "d": "day", "w": "week", "m": "month", "y": "year"}[u[0]]


def _spaced_scale_ok(text: str, p: int) -> bool:
    """"12 M subs", "$4.5 k/month", "100 M tokens": a spaced scale letter before a unit."""
    rest = text[p:p + 40]
    if _SLASH_PER_RE.match(rest):
        return True
    return bool(_UNIT_RE.match(rest.lstrip()) or _COUNT_RE.match(rest.lstrip()))


# a count of sites joined by a hyphen to the singular noun, the pair an adjective of the noun after it
# ("a 60-data-center disconnect event", "a 3-campus build-out"): so many of them. (Not GPUs or nodes:
# "an 8-GPU node" names a configuration that curations record in some articles and not in others; but
# nodes before "cluster" are the cluster's size.)
_HYPHEN_COUNT_RE = re.compile(r"-(?:(?P<item>(?i:data[- ]?cent(?:er|re)|datacent(?:er|re)|campus|building"
                              # "a 3-tier fat tree", "a 4-tier network", "3-Tier Quality System": so many tiers
                              r"|tier))"
                              # "a 100-word email": so many words (GPUs and nodes stay out, as above: on dev-B
                              # reading "8-GPU" as a count cost more precision than it gained recall)
                              r"|(?P<word>(?i:word))"
                              # "our 100-user scenario", "a 10,000-user deployment": so many users
                              r"|(?P<user>(?i:user))"
                              # "a large 512-node cluster", "than a 16-node cluster": the cluster's size in nodes
                              r"|(?P<node>(?i:node))(?=[ \t]+(?i:clusters?)\b))"
                              r"(?=[ \t]+[A-Za-z])")


# "2048-way FSDP", "4-way model parallelism", "data parallelism (1024-way)": a parallelism's degree,
# so many ways a model or its batch is split (a parallelism or a sharding named within a few words;
# not "a 3-way split", "a two-way street")
_WAY_RE = re.compile(r"-way(?![A-Za-z0-9-])")
_PARALLEL_CUE_RE = re.compile(r"(?i)parallel|shard|\b(?:FSDP|ZeRO|[TDPSE]P)\b")


# a processor's cores, counted as the curations record them: a CPU's ("a 6-core 3.9GHz CPU",
# "Intel i9-9900K (8 cores, 16 threads)", "CPUs that typically have 10-100 powerful cores") are so
# many items (condition item: cpu-core); an Apple chip's GPU or Neural Engine "cores" ("80-core GPU",
# "80 GPU cores", "32-core Neural Engine") are its compute units. (A GPU's thousands of CUDA or
# Tensor cores keep the unit core: "6912 CUDA Cores".)
_HYPHEN_CORE_RE = re.compile(r"-core(?![A-Za-z0-9-])(?:[ \u00a0]+[0-9][0-9.]*[ \u00a0]?GHz)?[ \u00a0]+"
                             r"(?:(?P<cpu>(?i:CPUs?|processors?))|(?P<gpu>GPUs?)|(?P<npu>Neural[ \u00a0]+Engines?|NPUs?))"
                             r"(?![A-Za-z0-9])")
_CPU_BEFORE_RE = re.compile(r"(?:\bCPUs?\b|(?i:processors?)\b|Ryzen|Xeon|EPYC|Threadripper|\bi[3579]-[0-9]{4,5})"
                            r"(?:[^.;\n](?![0-9]))*$")
_SMALL_CORES = 256  # an Apple GPU has tens of cores; a CUDA GPU's thousands are cores of their own


def _hyphen_cores(text: str, q: Quantity, p: int) -> tuple | None:
    m = _HYPHEN_CORE_RE.match(text, p)
    if m is None:
        return None
    if m.group("cpu"):
        return "item", m.start() + 5, None
    if q.value < _SMALL_CORES:
        return "compute_unit", m.start() + 5, None
    return None


def _plain_cores(text: str, q: Quantity, p: int, cnt: tuple) -> tuple:
    """A count of "cores" (no CUDA, Tensor or other kind named): a CPU's cores are items, an
    Apple GPU's "80 GPU cores" its compute units; otherwise the count as it was read."""
    words = text[p:cnt[1]].split()
    if [w.lower() for w in words] in (["cores"], ["core"]):
        if _CPU_BEFORE_RE.search(text, max(0, q.start - 48), q.start):
            return "item", cnt[1], None
    elif [w.lower() for w in words] == ["gpu", "cores"] and q.value < _SMALL_CORES:
        return "compute_unit", cnt[1], None
    return cnt


def _hyphen_count(text: str, q: Quantity, p: int) -> tuple | None:
    if q.spelled or q.scale or q.post or "." in q.num_text or looks_like_year(q):
        return None
    if text[p:p + 5].lower() == "-core":
        return _hyphen_cores(text, q, p)
    if text[p:p + 4].lower() == "-way":
        m = _WAY_RE.match(text, p)
        if m and _PARALLEL_CUE_RE.search(text[max(0, q.start - 32):m.end() + 32]):
            return "x:parallelism-degree", m.end(), None
        return None
    m = _HYPHEN_COUNT_RE.match(text, p)
    return (m.lastgroup, m.end(), None) if m else None


def _count_ok(text: str, q: Quantity) -> bool:
    if q.spelled and q.scale is None:
        return False
    if looks_like_year(q):
        return False
    return text[q.end - 1:q.end] != "-" and (text[q.end:q.end + 1] != "-" or q.post == "lower_bound"
                                             and text[q.end:q.end + 5].lower() == "-plus")


# (GPU_NAME compiled once: _gpu_after and _count_at asked the re module's cache for it, the
# pattern's text built and hashed again, for each number before a name)
_GPU_NAME_RE = re.compile(GPU_NAME)
_IDENT_GOES_ON_RE = re.compile(r"-[A-Za-z0-9]")  # a glued "NxNAME" that an identifier's hyphen carries on
_GPU_NAME_AFTER_RE = re.compile(GPU_NAME + r"s?(?![A-Za-z0-9])")
#: what a ratio to a named GPU compares, right after the name ("2x H100 performance", "3x A100 speed")
GPU_COMPARED_RE = re.compile(r"(?i)(?:'s)?[ \u00a0]+(?:performance|speed|throughput)\b")
#: a GPU's memory after a spaced times sign and its name: a comparison ("2 x H100 memory", "2 x H100 in memory bandwidth")
_GPU_MEMORY_COMPARED_RE = re.compile(r"(?i)(?:'s)?[ \u00a0]+(?:in[ \u00a0]+)?(?:memory|bandwidth|HBM\w*|VRAM|capacity)\b")


# a list item that opens with "Nx" and names a part of a build ("- 3x Rear-Door Heat Exchangers",
# "- **12x 4U GPU Servers**", "- 1x External Chiller (180kW capacity)", "- 2x AMD EPYC CPUs per server"):
# a bill of materials, so many of that part; the phrase is capitalised or a size ("4U", "100G") and
# ends, before the item's end, a note in parentheses or a "per"/"with", in a plural (or one of a part)
_BULLET_BEFORE_RE = re.compile(r"(?m)^[ \t]*(?:[-*+•]|[0-9]{1,2}[.)])[ \t]+(?:\*\*|__)?$")
_BULLET_PARTS_RE = re.compile(
    r"[ \t]+(?!(?i:faster|slower|cheaper|more|less|fewer|higher|lower|better|worse|larger|smaller|bigger|greater"
    r"|speed|cost|price|throughput|performance|efficiency|improvement|increase|reduction|gain|return|growth|the|of)\b)"
    r"(?:[A-Z0-9][\w./&+-]*[ \t]+){0,4}(?P<last>[A-Z][A-Za-z-]*[a-z]|[A-Z]{2,}s?)"
    r"(?=[ \t]*(?:\*\*|__)?[ \t]*(?:$|\(|,|;|[ \t](?:per|with|for|each|in|on|at)\b))", re.M)


def _bullet_parts(text: str, q: Quantity, p: int) -> str | None:
    """The unit of the parts an "Nx" at ``p`` opening a list item counts, or None."""
    if not _BULLET_BEFORE_RE.search(text, max(0, q.start - 24), q.start):
        return None
    m = _BULLET_PARTS_RE.match(text, p + 1)
    if m is None:
        return None
    last = m.group("last")
    if not (last.endswith("s") and len(last) > 3 or float(q.value) == 1):
        return None  # "- 10x Cost Reduction": so many times, not so many of a part
    cm = _COUNT_RE.match(text, m.start("last"))
    noun = COUNT_NOUNS[int(cm.lastgroup[1:])][1] if cm is not None and cm.end() == m.end() else "item"
    return "item" if noun.startswith("x:") else noun


# a graphics card named by its number after a multiplier ("2 x Nvidia 4090", "2x 3090", "4x RTX 4090"):
# with its maker or its line's name, or a gaming card's number (x060 to x090) alone
# (CARD_SERIES but "Pro": "2x Pro 6000" was never read so)
_CARD_AFTER_RE = re.compile(r"[ \u00a0]?(?P<n>(?P<m>(?:(?:" + CARD_MAKERS + r")[ \u00a0]+)?(?:(?:GeForce|RTX|Quadro)[ \u00a0]+)"
                            r"{0,2})(?P<d>" + CARD_NUMBER + r")(?:[ \u00a0]?Ti)?)(?![A-Za-z0-9/.,-])")


def _card_after(text: str, p: int) -> tuple | None:
    """Span of a graphics card named by its number right after ``p``, or None."""
    m = _CARD_AFTER_RE.match(text, p)
    if m is None or not (m.group("m") and not _YEAR_RE.fullmatch(m.group("d"))
                         or _GAMING_CARD_RE.fullmatch(m.group("d"))):
        return None
    if GPU_COMPARED_RE.match(text, m.end()) or _GPU_MEMORY_COMPARED_RE.match(text, m.end()):
        return None  # "2x 3090 performance": so many times that card's
    return m.start("n"), m.end("n")


def _gpu_after(text: str, p: int, gpu_aliases: tuple) -> tuple | None:
    """Span of a GPU name right after ``p`` ("8x H100", "8 × A100 80GB"), or None."""
    s = _VENDOR_RE.match(text, p).end()
    gm = _gpu_alias_match(gpu_aliases, text, s) or _GPU_NAME_AFTER_RE.match(text, s)
    return (gm.start(), gm.end()) if gm else None


# a product's or a company's name between a count and the people it counts ("900M ChatGPT users",
# "20 million Copilot Pro subscribers", "2,000 Azure customers")
_NAMED_USERS_RE = re.compile(
    r"(?:[ \u00a0]+(?:(?i:active|weekly|monthly|daily|paying|paid|global|worldwide|total|registered|enterprise|business)"
    r"|[A-Z][A-Za-z0-9.+'’-]*[a-z0-9][A-Za-z0-9.+'’-]*|[A-Z]{2,}[0-9]*)){1,3}[ \u00a0]+"
    r"(?P<u>(?i:users?|subscribers?|customers?))(?![A-Za-z0-9])")


# a name or an acronym between a count and the sites or deals of the business it counts ("170+ AI
# Agent startups", "Only 3 US plants online") or the items of a study ("41 million Wikipedia texts"):
# the lower-case plural after the name is what is counted
_NAMED_ITEMS_RE = re.compile(
    r"(?:[ \u00a0]+(?:more|new|other|additional|separate))?(?:[ \u00a0]+[A-Z][A-Za-z0-9.+'’-]*){1,3}[ \u00a0]+"
    r"(?:" + _BUSINESS_ITEMS + r"|" + _STUDY_ITEMS + r"|[Rr]egions|(?:power[ \u00a0]+)?(?:plants|reactors)|data[ \u00a0]?cent(?:er|re)s|datacent(?:er|re)s"
    r"|campuses|factories|fabs)(?![A-Za-z0-9])")


_CONCURRENT_RE = re.compile(r"(?i)\b(?:concurrent|simultaneous|virtual)\b")
# a load a test puts on a server, given as users right after the word ("Heavy load (50 users)",
# "a load test with 200 users", "load of 20 users")
_LOAD_USERS_BEFORE_RE = re.compile(r"(?i)\bload(?:[ \t]+tests?|[ \t]+levels?)?[ \t]*(?:\(|:|=|\b(?:of|at|with)\b)[ \t]*[~≈]?"
                                   r"[ \t]*[0-9][0-9,]*$")

# one or two lower-case words of the people counted between a count and them ("100 internal users",
# "40 million end users"): not a word that joins or compares ("of", "more than", "per")
_ADJ_USERS_RE = re.compile(r"(?P<a>(?:[ \u00a0]+[a-z][a-z-]{2,}){1,2})[ \u00a0]+(?P<u>users|subscribers|customers)(?![A-Za-z0-9])")
_NOT_ADJ_RE = re.compile(r"\b(?:of|the|and|for|per|than|from|with|are|were|was|who|that|which|these|those|its|their"
                         r"|our|all|any|other|out|into|over|under|about|more|fewer|less|most|some|such|not|have|has|had"
                         r"|would|could|can|will|may|each|every|new)\b")

# counted nouns that title case ("### 10 Users — a Dedicated Deployment", "(100 Users)") leaves counts
# (and a cloud's zones, which providers write in title case: "123 Availability Zones")
_TITLE_CASE_ITEMS = frozenset({"availability zones"})
_TITLE_CASE_COUNTS = frozenset({"GPU", "core", "compute_unit", "user", "customer", "employee", "node", "rack"})


# a graphics card named by its model number, which GPU_NAME leaves out ("4090", "RTX Pro 6000",
# "3090 Ti"): after its maker ("2 Nvidia 4090's", "four NVIDIA RTX Pro 6000 GPUs") or, a gaming
# card's number (x060 to x090), in the plural ("two 3090s"); not a year ("4 NVIDIA 2025 results")
# nor a name that goes on ("A100/H100")
_CARD_RE = re.compile(r"(?P<n>(?:(?:" + CARD_SERIES + r")[ \u00a0]+){0,3}(?P<d>" + CARD_NUMBER + r")(?:[ \u00a0]?Ti)?)"
                      r"(?P<s>'?s)?(?![A-Za-z0-9/])(?:[ \u00a0]*\)?[ \u00a0]+(?:GPUs|cards|graphics[ \u00a0]+cards)(?![A-Za-z0-9]))?")
_CARD_FIRSTS = frozenset("GRPQ123456789")
_CARD_MAKER_RE = re.compile(r"(?:" + CARD_MAKERS + r")[ \u00a0]+$")
_GAMING_CARD_RE = re.compile(GAMING_CARD_NUMBER)
_SCALED_END_RE = re.compile(r"[0-9][A-Za-z]+$")


def _card_at(text: str, p: int, s: int) -> tuple | None:
    """(GPU, end, card span) for a card named by its number at ``s`` after a count that ends at ``p``."""
    m = _CARD_RE.match(text, s)
    if m is None or _SCALED_END_RE.search(text, max(0, p - 8), p):
        return None  # (not a model's size before the card: "LLama 7B Nvidia 4090")
    d = m.group("d")
    if _CARD_MAKER_RE.search(text, p, s):
        if m.group("n") == d and _YEAR_RE.fullmatch(d):
            return None  # "4 NVIDIA 2025 filings"
    elif not (s == p + 1 and m.group("s") == "s" and _GAMING_CARD_RE.fullmatch(d)):
        return None
    return "GPU", m.end(), (m.start("n"), m.end("n"))


#: A code span's working up to the number that closes it: "`16.5e12 / 96e9 = " (an opening backtick,
#: no other on the way, an equals sign right before the number).
_CODE_RESULT_BEFORE_RE = re.compile(r"`[^`\n]*=[ \t]*$")


def _count_at(text: str, p: int, gpu_aliases: tuple) -> tuple | None:
    """(noun unit, end, GPU-name span) for a counted noun after ``p`` ("64 H100 GPUs")."""
    gm = _COUNT_GAP_RE.match(text, p)
    if not gm:
        return None
    if text[gm.end():gm.end() + 1].isupper() and (um := _NAMED_USERS_RE.match(text, p)):
        return ("customer" if um.group("u")[0] in "cC" else "user"), um.end(), None
    if text[gm.end():gm.end() + 1].isupper() and (im := _NAMED_ITEMS_RE.match(text, p)):
        return "item", im.end(), None  # "170+ AI Agent startups", "3 US plants": so many of them
    s = gm.end()
    cm = _COUNT_RE.match(text, s)
    am = _gpu_alias_match(gpu_aliases, text, s)
    if cm is None and am is None and s > p and text[s:s + 1] in _CARD_FIRSTS and (km := _card_at(text, p, s)):
        return km  # "2 Nvidia 4090's", "four NVIDIA RTX Pro 6000 GPUs", "two 3090s": so many cards
    if cm is None and am is None and (um := _ADJ_USERS_RE.match(text, p)) and not _NOT_ADJ_RE.search(um.group("a")):
        # "100 internal users", "5,000 beta testers' users": people counted, one or two words of theirs between
        return ("customer" if um.group("u")[0] in "cC" else "user"), um.end(), None
    if cm is None and am is None and s > p and (pm := _PROCESSORS_RE.match(text, s)) \
            and (inner := _GPU_NAME_RE.search(text, p, s)):
        if pm.group(0)[-1] in "sS" and pm.group(0)[-5:].lower() == "units":  # (so many units deployed or shipped: a fleet, whatever "NVL72" in the name leans to)
            return "GPU", pm.end(), (inner.start(), inner.end()), "gpu-count"
        return "GPU", pm.end(), (inner.start(), inner.end())  # "400,000 GB200 processors": so many GPUs
    if cm is None and am is None and s > p:  # "16K GPU cluster": the gap word is the noun itself
        s = p + len(text[p:s]) - len(text[p:s].lstrip(" \u00a0"))
        gm = None
        cm = _COUNT_RE.match(text, s)
        if cm is None or _GPU_NAME_RE.match(cm.group(0)) and not cm.group(0).lower().endswith("units"):
            return None  # "a single GB200 NVL72": a product, not so many GPUs ("2 million H100 units" are)
        am = None
    if am and (cm is None or am.end() >= cm.end()):
        return "GPU", am.end(), (am.start(), am.end())
    if cm is None:
        return None
    noun = COUNT_NOUNS[int(cm.lastgroup[1:])][1]
    word = cm.group(0).strip("“”\"")
    if noun == "user" and (gm is not None and _CONCURRENT_RE.search(text, p, gm.end())
                           or _LOAD_USERS_BEFORE_RE.search(text, max(0, p - 40), p)):
        # "150 concurrent users", "At High Load (50 users)": requests in flight, a load test's concurrency
        return "query", cm.end(), None, "concurrency"
    if noun not in _TITLE_CASE_COUNTS and word[:1].isupper() and word.lower() not in _TITLE_CASE_ITEMS and not word.rstrip("s").isupper() \
            and not (len(word.split()) > 1 and word.split()[0].isupper()):
        # (but an acronym opens the name, "4 KV heads", "6 HBM3 stacks": no title case)
        return None  # "Page 130 Page 132": furniture, not 130 pages (but a heading's "### 100 Users —" counts them)
    span = None
    if noun == "GPU" and _GPU_NAME_RE.match(cm.group(0)):
        span = (cm.start(), cm.end())
    elif gm is not None and gm.end() > p:
        inner = _GPU_NAME_RE.search(text[p:gm.end()])
        if inner:
            span = (p + inner.start(), p + inner.end())
    return noun, cm.end(), span


#: a time a speed-up is stated of ("30% faster TTFT"): the other's time over this one's, a ratio
_PCT_SPEED_OF_TIME_RE = re.compile(r"[*_]*[ \t]+(?:TTFT|TPOT|latency|latencies|response[ \t]+times?"
                                   r"|time[ \t]+to[ \t]+first[ \t]+token)\b", re.IGNORECASE)


def _percent_comparison(text: str, q: Quantity) -> None:
    am = _PCT_AFTER_RE.match(text, q.end)
    if am:
        k = am.lastgroup
        if k in ("higher", "lower") and am.group(k).lower() in ("faster", "slower") \
                and _PCT_SPEED_OF_TIME_RE.match(text, am.end()):
            k = "moren" if k == "higher" else "lessn"
        q.compare = {"higher": "higher", "moren": "more", "lower": "lower", "lessn": "less", "up": "up",
                     "down": "down", "above": "up", "below": "down"}[k]
        return
    percent_compare_before(text, q.start, q)


# what every match of the two patterns above holds (lower case): a window without any of them
# has no match, and is not searched
_PCT_VERB_PARTS = re.compile(r"\b(?:up|r[oi]s|gr[oe]w|increas|jump|surg|climb|soar|leap|improv|gain|expand|hik|rais|boost|skyrocket|down|f[ae]ll|drop"
                             r"|declin|decreas|cut|slash|plung|shr|reduc|lower|slump|spik|rocket|balloon|tumbl|plummet|s[aui]nk|slid"
                             r"|dip|tank|crash|crater|nosediv)")
# (first letters first, then the look-behind that makes each a word's first: scanned for in C)
_PCT_NOUN_PARTS = re.compile(r"[pmud](?<!\w[pmud])(?:(?<=p)remium|(?<=m)ark|(?<=u)plift|(?<=d)iscount)")


def _may_have(text: str, lo: int, hi: int, parts: re.Pattern) -> bool:
    """Whether text[lo:hi] may hold a case-insensitive match of a pattern whose matches all hold
    one of ``parts`` (lower-case ASCII words at a word's start): an ASCII window when lower-cased
    has one of them; any other window may (a few non-ASCII letters match ASCII ones in a
    case-insensitive pattern: "ſ", "ı", the Kelvin sign)."""
    w = text[max(0, lo):hi]
    return not w.isascii() or parts.search(w.lower()) is not None


def percent_compare_before(text: str, pos: int, q: Quantity) -> None:
    """Set ``q.compare`` from a verb before ``pos`` ("fell 40%", "up 233%", "declining 30-40%")."""
    bm = _PCT_BEFORE_RE.search(text, max(0, pos - 80), pos) if _may_have(text, pos - 80, pos, _PCT_VERB_PARTS) else None
    if bm and not _PCT_OF_RE.match(text, q.end):
        q.compare = "up" if bm.group("up") else "down"
        return
    nm = _PCT_NOUN_BEFORE_RE.search(text, max(0, pos - 40), pos) if _may_have(text, pos - 40, pos, _PCT_NOUN_PARTS) \
        else None
    if nm and not _PCT_OF_RE.match(text, q.end):  # "a price premium exceeding 50%", "a discount of 20%"
        q.compare = "more" if nm.group("more") else "less"


# --------------------------------------------------------------------------------------
# Unit texts, factors and dimensions (through kb.core.units)
# --------------------------------------------------------------------------------------

# how a denominator's count of a thousand or a billion is written ("1K", "1,000", "one thousand")
_THOUSAND_COUNTS = frozenset({"1k", "1000", "k", "thousand", "onethousand", "1thousand"})
_BILLION_COUNTS = frozenset({"1b", "billion", "1billion", "onebillion"})


def _den_text(q: Quantity) -> str:
    count = (q.den_count or "").replace(" ", "").replace(",", "").lower()
    if q.den == "MTok":
        count = "1m"
    if q.den in ("token", "MTok") and count:
        k = "1K" if count in _THOUSAND_COUNTS else "1B" if count in _BILLION_COUNTS else "1M"
        return f" per {k} tokens"
    if q.den == "query" and count:
        # "$5.50 per 1,000 calls", "$5,500 per million calls": a cost of so many requests, not
        # of one (the count was dropped: 5.50 USD a request, a thousand times too high)
        k = "1K" if count in _THOUSAND_COUNTS \
            else "1M" if count in ("1m", "1000000", "million", "1million", "onemillion") else None
        if k:
            return f" per {k} query"
    if q.den == "character":  # "$0.000125 / 1k characters", "$15 per 1M characters"
        k = "1k" if count in _THOUSAND_COUNTS \
            else "1M" if count in ("1m", "1000000", "million", "1million", "onemillion") else None
        return f" per {k} characters" if k else "/character"
    return f"/{q.den}"


def unit_text(q: Quantity) -> str:
    if q.ratio:
        return "x"
    if q.percent:
        # "6% a year" of depreciation, "9.5 per cent a quarter"
        return "percent" + _den_text(q) if q.den in ("year", "quarter") else "percent"
    core = q.cur or q.atom or ""
    text = f"{q.scale} {core}" if q.scale else core
    if q.den:
        text += _den_text(q)
    return text


def scale_factor(scale: str | None) -> float:
    return SCALE_WORDS.get((scale or "").lower(), 1.0) if scale else 1.0


@functools.lru_cache(maxsize=4096)
def unit_factor(unit_from: str, unit_to: str) -> float | None:
    """The factor from one unit text to another of the same dimension, else None."""
    try:
        return conversion_factor(unit_from, unit_to)
    except (UnitError, ValueError):
        return None


@functools.lru_cache(maxsize=4096)
def _dims(unit: str):
    try:
        return unit_shape(unit)[0]  # (str(parse_unit(unit).dimensionality), kept on disk)
    except (UnitError, ValueError):
        return None


def same_dimension(a: str, b: str) -> bool:
    da = _dims(a)
    return da is not None and da == _dims(b)


def looks_like_year(q: Quantity) -> bool:
    # (``not q.has_unit`` written out: a property costs a call, and this is asked ~15,000 times a megabyte)
    return not (q.cur or q.atom or q.ratio or q.percent) and q.scale is None and _YEAR_RE.fullmatch(q.num_text) is not None


# --------------------------------------------------------------------------------------
# Multipliers and fractions in words
# --------------------------------------------------------------------------------------

_FOLD = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
         "twenty": 20, "fifty": 50, "hundred": 100, "thousand": 1000}
_ORDINAL = {"third": 3, "quarter": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
            "tenth": 10, "twelfth": 12, "fifteenth": 15, "twentieth": 20, "hundredth": 100, "thousandth": 1000}
_NUMER = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4}
_ONE_IN_RE = re.compile(r"([a-z]+)[\s-]+(?:out[\s-]+of|in)[\s-]+(?:every[\s-]+)?([a-z]+)")
# a forecast of growth ("may double", "is expected to double"); what a change can do ("could double
# its throughput", "enough to double revenue", "more than doubles") is a ratio of the two states
_EVERY_OR_AS_AFTER_RE = re.compile(r"[*_]*(?:" + DOUBLING_BETWEEN + r"[ \t]+(?:(?i:every)[ \t]+(?:~[ \t]*)?(?:[0-9]|(?i:one|two|three|four|five|six|seven|eight|nine"
                                   r"|ten|twelve|eighteen|few|other|year|month|quarter|decade|week|day))"
                                   r"|(?i:each)[ \t]+(?i:year|month|quarter|decade|week|day|generation)\b(?!['’]))"
                                   r"|[ \t]+as[ \t]+(?:an?|the)?[ \t]*[a-zA-Z])")
# after "twice": a frequency ("twice a year", "twice per month", "twice yearly"), so many a unit of
# time, not so many times something else (as "three times a year" is no multiplier either)
_FREQUENCY_AFTER_RE = re.compile(r"[ \t]+(?:(?i:a|an|per|each|every)[ \t]+(?i:day|week|month|quarter|year|decade|hour"
                                 r"|minute|second|semester|season|cycle)|(?i:daily|weekly|monthly|quarterly|yearly"
                                 r"|annually|hourly))\b(?!['’])")
# the name of a growth's period after the verb ("a 3.4-month doubling time", "its halving period")
_DOUBLING_NAME_AFTER_RE = re.compile(r"[ \t]+(?i:time|period)s?\b")
_MODAL_BEFORE_RE = re.compile(r"\b(?:will|would|may|might|should|must|set to|expected to|poised to"
                              r"|likely to|going to|would more than)\s+(?:\w+ly\s+)?$", re.I)
_FLAT_BEFORE_RE = re.compile(r"(?i)\b(?:stay(?:ed|s)?|remain(?:ed|s)?|held|holds?|kept|keeps?|stayed roughly|been)"
                             r"\s+(?:\w+ly\s+)?[*_]*$")
_FRACTION_OF_RE = re.compile(r"\s+of\b", re.I)
# "by" right before a fraction in words, an approximation between ("by around a fifth", "by a third"):
# the fraction is how much something changed, not a multiplier
_BY_FRACTION_BEFORE_RE = re.compile(r"(?i)\bby[ \t]+(?:(?:around|about|roughly|nearly|almost|some|approximately"
                                    r"|more[ \t]+than|less[ \t]+than|over|under|up[ \t]+to|at[ \t]+least|only|just)[ \t]+)?~?$")
_OF_UNIT_RE = re.compile(r"\s+of\s+(?:an?|one)\s+")
_HALF_CUE_RE = re.compile(r"(?i)\b(?:roughly|about|around|nearly|almost|approximately|just|more than|less than|over"
                          r"|under|at least|only|by)\s+$")
# a fraction of a whole that the words after it name ("half of their water use", "more than half the
# investment", "one-third of their carbon footprint", "nearly half the world's population"): a share of
# it, as the curated articles record it; not of a magnitude, which _HALF_OF_RE and _MAGNITUDE_AHEAD_RE
# read as so many times it ("a third of the old chip's price" is 1/3 x)
_HALF_PART_BEFORE_RE = re.compile(r"(?i)\b(?:first|second|other|top|bottom|upper|lower|latter|former|back|front)[ \t]+$")
# ("close to half of datacenter capex", "half of leading chip demand": "of" and a lower-case word, a
# whole named without a determiner, for half; not "half of 2025", "half of Q3")
_SHARE_OF_RE = re.compile(r"(?i)[ \t]+(?P<of>of[ \t]+)?(?:the|their|its|our|all|this|these|those|his|her)\b"
                          r"|[ \t]+(?P<of2>of)(?-i:(?=[ \t]+[a-z]{3}|[ \t]+[A-Z]{2,3}[ \t]+[a-z]{3,}s\b))"
                          r"(?![ \t]+(?:which|whom|what|whose|them|you)\b)")
# ("half of US adults", "a third of UK firms": a country's letters before the plural whole)
_MAGNITUDE_AHEAD_RE = re.compile(r"(?i)(?:[ \t]+[\w'’-]+){0,4}?[ \t]+(?:price|cost|rate|power|energy|memory|size|speed"
                                 r"|bandwidth|throughput|latency|time|amount|level|value|performance|budget)s?\b")
_HALF_OF_RE = re.compile(r"(?i)\s+(?:the|its|their)\s+(?:\w+\s+){0,2}?(?:price|cost|rate|power|energy|memory|size|speed"
                         r"|bandwidth|throughput|latency)s?\b|\s+as\s+(?:much|many|fast|expensive)\b")


_MAGNITUDE_LESS_RE = re.compile(r"(?i)\s+(?:cheaper|smaller|less|lower|fewer|slower|shorter)\b")
_MAGNITUDE_FELL_RE = re.compile(r"(?i)\b(?:fell|fall(?:s|en|ing)?|drop(?:ped|s|ping)?|declin(?:e[sd]?|ing)"
                                r"|decreas(?:e[sd]?|ing)|cut|shr[ai]nk|shrunk|reduc(?:e[sd]?|ing))\s+(?:by\s+)?$")


# quarters of a year, not fractions: "three quarters of 2025", "the first three quarters", "the past two quarters"
_QUARTERS_OF_YEAR_RE = re.compile(r"\s+of\s+(?:(?:fiscal|FY)\s?)?(?:19|20)[0-9]{2}(?=\s*(?:[,.;:)]|$))"
                                  r"|\s+of\s+(?:the|this|last|next)\s+(?i:fiscal\s+)?year\b(?!\s*'s)")
_QUARTERS_SPAN_RE = re.compile(r"(?i)\b(?:first|last|past|next|final|latest|recent|consecutive)\s+$")


# the lower-case word after "a third": a noun it is the ordinal of ("A third site"), unless the
# word goes on the fraction ("a third more", "a third cheaper", "a third of")
_ORDINAL_NOUN_AFTER_RE = re.compile(r"[ \t]+([a-z][a-z-]{2,})\b")
_NOT_NOUN_AFTER_RE = re.compile(r"[a-z-]*(?:er|est)|of|and|or|as|the|to|in|on|at|by|for|from|with|than|that|this|its"
                                r"|their|more|less|fewer|was|were|is|are|has|had|have|will|would|could|can|may"
                                r"|might|each|per|off|down|up|again|too|so|now|last|next|since|when|while|all"
                                r"|overall|below|above")
# a verb right after a fraction whose whole was named before it ("two-thirds was short-lived assets")
_FRACTION_VERB_AFTER_RE = re.compile(r"[ \t]+(?:(?:was|were|is|are)[ \t]+[a-z]|(?:say|said|believe|expect|report|plan)[ \t]+)")


def _share_of(text: str, p: int) -> re.Match | None:
    """The words after a fraction that make it a share of a whole ("of their ...", "the ..."), None
    when they name a magnitude ("the price", "of the old chip's cost")."""
    sh = _SHARE_OF_RE.match(text, p)
    if sh is None or _MAGNITUDE_AHEAD_RE.match(text, sh.end()) or _HALF_OF_RE.match(text, p):
        return None
    return sh


# a post's place in a numbered thread or series ("### Tweet 1/9", "1/9 🚨 BIG TECH IS GOING ALL-IN"
# over "2/9 💰 THE SPENDING BREAKDOWN"): "1/9" at a line's start or after the word naming the part,
# where the text numbers another part over the same count, is no fraction
_SERIES_PART_BEFORE_RE = re.compile(r"(?i)(?:^|\n)[ \t#*>_-]*(?:(?:tweet|post|part|slide|toot|thread)[ \t]+)?$")


def _series_part(text: str, pos: int, w: str) -> bool:
    """Whether the "1/N" at ``pos`` numbers a part of a series: :data:`_SERIES_PART_BEFORE_RE`
    before it and another part "k/N" (1 < k <= N) opening a line, or named so, elsewhere."""
    if not _SERIES_PART_BEFORE_RE.search(text, max(0, pos - 16), pos):
        return False
    n = w[2:]
    if not n.isdigit() or int(n) < 2 or re.match(r"(?i)[ \t]+of\b", text[pos + len(w):pos + len(w) + 4]):
        return False  # ("1/4 of the budget": a share of a whole)
    for om in re.finditer(r"(?i)(?:^|\n)[ \t#*>_-]*(?:(?:tweet|post|part|slide|toot|thread)[ \t]+)?([0-9]+)/"
                          + n + r"(?![0-9.,])", text):
        if 1 < int(om.group(1)) <= int(n):
            return True
    return False


# after a multiplier in words: "or more", "or greater" ("double or more", "DOUBLE or MORE"), at least it
_OR_MORE_AFTER_RE = re.compile(r"(?i)[ \t]+or[ \t]+(?:more|greater|higher)\b")


def word_number_at(text: str, pos: int) -> Quantity | None:
    """A multiplier or fraction in words at ``pos``: "twice" (2x), "tenfold" (10x), "a
    third" (1/3 x, or "one-fifteenth of a teaspoon": 1/15 teaspoon), "1/10th" (0.1x); the
    verbs "double", "triple", "halve" are ratios of the new value to the old (2x, 3x, 0.5x)."""
    m = _WORD_HIT_RE.match(text, pos)
    if not m:
        return None
    w = m.group(0).lower()
    q = Quantity(m.start(), m.end(), m.group(0), 0.0, spelled=True, form="word")
    if w == "flat":  # "power use stayed flat": no change
        if not _FLAT_BEFORE_RE.search(text, max(0, pos - 30), pos):
            return None
        q.value, q.percent = 0.0, True
        return q
    if w.endswith("magnitude"):  # "an order of magnitude", "two orders of magnitude": 10x, 100x, about
        n = {"an": 1, "one": 1, "two": 2, "three": 3}[re.split(r"[\s-]", w)[0]]
        down = _MAGNITUDE_LESS_RE.match(text, m.end()) or _MAGNITUDE_FELL_RE.search(text, max(0, pos - 24), pos)
        q.value, q.ratio, q.post = 10.0 ** (-n if down else n), True, "approx"  # ("10x cheaper" is 0.1)
    elif w in ("twice", "thrice"):
        if _FREQUENCY_AFTER_RE.match(text, m.end()):
            return None  # "released twice a year", "pays coupon twice per year": how often, no multiplier
        q.value, q.ratio = (2.0 if w == "twice" else 3.0), True
    elif w.endswith("fold"):
        q.value, q.ratio = float(_FOLD[w[:-4]]), True
    elif w.startswith(("doubl", "tripl", "quadrupl", "halv")):
        if _EVERY_OR_AS_AFTER_RE.match(text, m.end()) \
                or w in ("doubling", "halving") and _DOUBLING_NAME_AFTER_RE.match(text, m.end()):
            # "doubling every 6 months", "computing power doubles every two years": a doubling time (the
            # period is the figure); "Tensor Cores double as AI units", "heat to double as a
            # space-heater": the verb "serve as", no multiplier; "a doubling time of 6 months": the
            # period's name, no multiplier either
            return None
        # "doubled", "tripled", "halving": the new value over the old one (2x, 3x, 0.5x), as
        # the curated real articles record them; a forecast ("may double", "will halve") is a
        # change (+100%, -50%)
        factor = {"d": 2.0, "t": 3.0, "q": 4.0, "h": 0.5}[w[0]]
        if not w.endswith(("ed", "ing")) and _MODAL_BEFORE_RE.search(text, max(0, pos - 30), pos):
            q.value, q.percent = round((factor - 1) * 100, 9), True
        else:
            q.value, q.ratio = factor, True
        if factor > 1 and (om := _OR_MORE_AFTER_RE.match(text, m.end())):
            q.post, q.end = "lower_bound", om.end()  # "These are DOUBLE or MORE in one year": at least twice
    elif w == "half":
        nxt = text[m.end():m.end() + 12].lower()
        if nxt.startswith(("-", " precision", " the time", " a century", " a decade")):
            return None
        if _HALF_PART_BEFORE_RE.search(text, max(0, pos - 8), pos):
            return None  # "the second half of the image", "the first half of 2025": a part, no figure
        if _EVERY_OR_AS_AFTER_RE.match(text, m.end()) and text[max(0, pos - 4):pos].lower().strip() in ("by", "in"):
            return None  # "falls by half every six months", "cut in half every year": a halving time (the period is the figure)
        if not _HALF_OF_RE.match(text, m.end()) and (sh := _share_of(text, m.end())) is not None \
                and (sh.group("of") or sh.group("of2") or _HALF_CUE_RE.search(text, max(0, pos - 24), pos)):
            q.value, q.percent, q.hint = 50.0, True, "share"  # "half of their water use": a share of it
            return q
        if not (_HALF_CUE_RE.search(text, max(0, pos - 24), pos) or _HALF_OF_RE.match(text, m.end())):
            return None  # "for 8-bit it's half": too loose to be a claim of its own
        um = _OF_UNIT_RE.match(text, m.end()) or re.compile(r"\s+(?:an?)\s+").match(text, m.end())
        q.value, q.ratio = 0.5, True
        if um:
            u = _UNIT_RE.match(text, um.end())
            if u:
                q.ratio, q.atom, q.end = False, _UNIT_FORMS[int(u.lastgroup[1:])][1], u.end()
    elif w.startswith("1/"):
        if _series_part(text, pos, w):
            return None
        q.value, q.ratio = round(1.0 / float(re.match(r"1/([0-9]+(?:\.[0-9]+)?)", w).group(1)), 12), True  # "1/6.7th"
    elif (om := _ONE_IN_RE.fullmatch(w)) is not None:  # "one in five": 20% of them
        a, b = _SPELLED[om.group(1)], _SPELLED[om.group(2)]
        if not a < b:
            return None
        q.value, q.percent, q.hint = round(100.0 * a / b, 9), True, "share"
    else:
        fm = re.fullmatch(r"(a|one|two|three|four)[\s-](\w+?)s?|two-thirds|three-quarters", w)
        if w == "two-thirds":
            num, den = 2, 3
        elif w == "three-quarters":
            num, den = 3, 4
        elif fm and fm.group(2) in _ORDINAL:
            num, den = _NUMER[fm.group(1)], _ORDINAL[fm.group(2)]
        else:
            return None
        if den == 4 and not w.endswith("-quarters") and not _FRACTION_OF_RE.match(text, m.end()) \
                and not text[max(0, pos - 3):pos].lower() == "by ":
            return None  # "lost $2B in one quarter": a period of three months, no fraction
        if den == 4 and (_QUARTERS_OF_YEAR_RE.match(text, m.end()) or _QUARTERS_SPAN_RE.search(text, max(0, pos - 8), pos)):
            return None  # "the first three quarters of 2025", "over the last two quarters": periods, no fraction
        if (sh := _share_of(text, m.end())) is not None and sh.group("of"):
            q.value, q.percent, q.hint = round(100.0 * num / den, 9), True, "share"  # "a third of their footprint"
            return q
        if text[max(0, pos - 40):pos].lower().rfind("by ") >= 0 and not _FRACTION_OF_RE.match(text, m.end()) \
                and _BY_FRACTION_BEFORE_RE.search(text, max(0, pos - 40), pos):
            # "shifts the optimal AI stock by around a fifth", "cut costs by a third": a change of so
            # many percent (docs/data-format.md's comparisons), signed by a verb of falling before it
            q.value, q.percent, q.hint = round(100.0 * num / den, 9), True, "change"
            percent_compare_before(text, pos, q)
            if q.compare is None:
                q.compare = "up"
            return q
        if fm and fm.group(1) == "a" and den != 4 and not w.endswith("s") \
                and (om := _ORDINAL_NOUN_AFTER_RE.match(text, m.end())) and not _NOT_NOUN_AFTER_RE.fullmatch(om.group(1)):
            return None  # "A third site", "a fifth generation": an ordinal before its noun, no fraction
        if _FRACTION_VERB_AFTER_RE.match(text, m.end()):
            # "about two-thirds was short-lived assets", "a third are idle": that part of a whole
            # named before, a share
            q.value, q.percent, q.hint = round(100.0 * num / den, 9), True, "share"
            return q
        q.value, q.ratio = round(num / den, 12), True
        um = _OF_UNIT_RE.match(text, m.end())
        if um:
            u = _UNIT_RE.match(text, um.end())
            if u:  # "one-fifteenth of a teaspoon"
                q.ratio, q.atom, q.end = False, _UNIT_FORMS[int(u.lastgroup[1:])][1], u.end()
    return q


# --------------------------------------------------------------------------------------
# Vague plurals
# --------------------------------------------------------------------------------------

VAGUE_RE = re.compile(
    r"(?P<m>(?i:tens|hundreds|thousands|millions|billions|trillions))"
    r"(?P<chain>(?:\s+of\s+(?i:thousands|millions|billions|trillions))*)"
    r"(?:\s+(?i:or|and)(?:\s+(?i:even|perhaps|possibly))?\s+(?i:tens\s+of\s+|hundreds\s+of\s+)?"
    r"(?i:thousands|millions|billions|trillions)(?:\s+of\s+(?i:thousands|millions|billions|trillions))*)?"
    r"\s+of\s+(?:(?P<mod>(?i:input|output|training|active|total))\s+)?"
    r"(?P<u>(?i:US\s+dollars|dollars|tokens|parameters|watts|kilowatts|megawatts|gigawatts|teraflops"
    r"|petaflops|GPU[- ]hours|gallons|liters|litres))\b")
_VAGUE_MULT = {"tens": 10.0, "hundreds": 100.0}
# "millions of gallons per day", "billions of dollars a year": the vague amount is a rate
_VAGUE_PER_RE = re.compile(r"[ \t]*(?:/|(?i:per|a|an|each|every)[ \t])[ \t]*(?P<t>(?i:day|week|month|year))(?![A-Za-z0-9])")
_VAGUE_UNIT = {"dollars": ("USD", None), "us dollars": ("USD", None), "tokens": (None, "token"),
               "parameters": (None, "parameter"), "watts": (None, "W"), "kilowatts": (None, "kW"),
               "megawatts": (None, "MW"), "gigawatts": (None, "GW"), "teraflops": (None, "TFLOPS"),
               "petaflops": (None, "PFLOPS"), "gallons": (None, "gallon"), "liters": (None, "liter"),
               "litres": (None, "liter")}
_SCALE_OF_FACTOR = {1e3: "thousand", 1e6: "million", 1e9: "billion", 1e12: "trillion"}


def vague_at(text: str, s: int) -> Quantity | None:
    """"billions of dollars" -> 1 billion USD (read as a lower bound, as curated claims do)."""
    m = VAGUE_RE.match(text, s)
    if not m:
        return None
    words = [m.group("m").lower()] + re.findall(r"(?i:thousands|millions|billions|trillions)", m.group("chain"))
    value = _VAGUE_MULT.get(words[0], 1.0)
    scales = [w[:-1] for w in words if w not in _VAGUE_MULT]
    u = m.group("u").lower()
    if u.startswith("gpu"):
        return None
    cur, atom = _VAGUE_UNIT[re.sub(r"\s+", " ", u)]
    scale = None
    if scales:
        f = 1.0
        for w in scales:
            f *= SCALE_WORDS[w]
        scale = _SCALE_OF_FACTOR.get(f)
        if scale is None:
            return None
    pm = _VAGUE_PER_RE.match(text, m.end())
    return Quantity(m.start(), pm.end() if pm else m.end(), "", value, cur=cur, scale=scale, atom=atom,
                    mod=m.group("mod"), post="lower_bound", form="vague",
                    den=pm.group("t").lower() if pm else None)


# --------------------------------------------------------------------------------------
# Units named by a table header ("TDP (W)", "Cost ($/hr)", "GPU-Hours", "Market cap ($T)")
# --------------------------------------------------------------------------------------

_SHORTER = {"hour": ("day", "week", "month", "year"), "day": ("week", "month", "year"), "month": ("year",)}
_HEADER_PAREN_RE = re.compile(r"[(\[]([^()\[\]]{1,24})[)\]]")
# (a dollar with a country's letters is that country's, "(AU$)", and none of the vocabulary's
# where they are another's, "(NZ$)"; "(M$)" is a scale's)
# (the scale after the sign in a word as well: "(US$ millions)", "($ billions)", "($000s)")
_HEADER_CUR_RE = re.compile(r"(?P<s2>[KMBT])?(?P<cur>(?<![A-Za-z])(?:US|AU|A|CA|C)?\$|(?<=[KMBT])\$|USD|" + _CODE_ALT + r"|€|£)\s?"
                            r"(?:(?P<s>[KMBT]|bn|mn)|(?P<w>(?i:thousands?|millions?|billions?|trillions?))|(?P<z>000s?))?"
                            r"(?![A-Za-z0-9])"
                            # "(billions of dollars)", "(millions of USD)": the scale first
                            r"|(?P<w2>(?i:thousands|millions|billions|trillions))\s+of\s+(?P<cur2>(?i:US\s+)?dollars|USD)\b")
_HEADER_PER_RE = re.compile(
    r"(?:/\s*|\bper[\s-]+|\ba\s+)(?P<den>(?i:gpu[- ]?hours?|gpu[- ]?hrs?|hours?|hrs?|h|months?|mo|years?|yr|days?|kWh|MWh"
    r"|seconds?|secs?|s|minutes?|mins?"
    r"|watts?|W"
    r"|quer(?:y|ies)|requests?|runs?|tasks?|images?|messages?|1[KMB](?:\s+(?:(?:input|output|prompt|completion)\s+)?tokens?)?"
    r"|(?:[KM]|1,000(?:,000)?|1000(?:000)?)\s+(?:(?:input|output|prompt|completion)\s+)?tokens?"
    r"|(?:1\s+)?(?:thousand|million|billion)\s+(?:(?:input|output|prompt|completion)\s+)?tokens?|m(?:tok|tokens?)|tokens?))\b"
    r"|(?P<word>(?i:annual|annually|yearly|monthly|daily|hourly|run[- ]?rate\b)|(?-i:ARR)\b)", re.IGNORECASE)


#: A header naming a scaled number of tokens with no "per" ("1M TOKENS INPUT (CACHE HIT)", "Price 1M
#: tokens", Polish "Cena za milion tokenów"): the amount of tokens a price in its row or column is
#: for, not a count of tokens (any word that begins with "token", as other languages inflect it)
_HEADER_TOKEN_SCALE_RE = re.compile(r"(?i)(?<![\w.$€£])(?P<n>1\s?[KMB]|thousand|million|milion|mln|billion)\s+"
                                    r"(?:(?:input|output|prompt|completion)\s+)?tok(?:en)?\w*")


# "per 1 million output tokens", "per 1K tokens", "per million tokens": how many tokens the price is for
_HEADER_DEN_COUNT_RE = re.compile(r"(?:1\s+(?=[tmb]))?(1[kmb]|[km](?=\s)|1,000(?:,000)?|1000(?:000)?|thousand|million|billion)\s*"
                                  r"(?:(?:input|output|prompt|completion)\s+)?(?:tok|$)")
# a header's parenthesis that counts what the measurement was made with ("Tokens per second (one
# request)", "Throughput (8 GPUs)"): a condition of the figure, not its unit, tried after the rest
_HEADER_PAREN_COUNT_RE = re.compile(r"(?i)\s*(?:a\s+single|single|one|two|four|eight|[0-9][0-9,]*)\s+(?P<n>[A-Za-z][\w-]*)\s*")
# a header's parenthesis that states the amount its figures are for ("Monthly Cost (3B tokens)",
# "Monthly Estimate (730 hrs)"): an assumption, not their unit (a price's "(1M tokens)" is its unit)
_HEADER_PAREN_AMOUNT_RE = re.compile(r"\s*[~≈]?\s*(?P<num>[0-9][0-9,]*(?:\.[0-9]+)?)[ \t]?(?:[KMBT]\b|bn\b"
                                     r"|(?i:thousand|million|billion|trillion)\b)?\s*(?P<n>[A-Za-z][\w-]*)\s*")
# "Cost per 1 million output tokens, GPU kept busy": what follows a comma after the denominator is
# a note on the conditions ("GPU kept busy", "batch 1"), unless it names the currency or a unit
_HEADER_NOTE_RE = re.compile(r"\s*,[^,]*$")


def _header_note_cut(text: str, per_end: int) -> str:
    m = _HEADER_NOTE_RE.match(text, per_end)
    if m is None:
        return text
    note = text[m.start():]
    if _HEADER_CUR_RE.search(note) or _header_unit_re().search(note):
        return text
    return text[:m.start()]


def _header_parts(text: str) -> list[str]:
    """The pieces of a header tried in turn for a unit: its parentheses ("TDP (W)"), then the whole
    header; a parenthesis that counts the things measured with ("(one request)") comes last."""
    parts, late = [], []
    for m in _HEADER_PAREN_RE.finditer(text):
        part = m.group(1)
        cm = _HEADER_PAREN_COUNT_RE.fullmatch(part)
        am = _HEADER_PAREN_AMOUNT_RE.fullmatch(part)
        if cm and _header_count_re().fullmatch(cm.group("n")) and not _header_unit_re().match(cm.group("n")):
            late.append(part)
            text = text[:m.start()] + " " * (m.end() - m.start()) + text[m.end():]
        elif am and float(am.group("num").replace(",", "")) != 1:
            # "Monthly Cost (3B tokens)", "Monthly Estimate (730 hrs)": how much the figures are for
            text = text[:m.start()] + " " * (m.end() - m.start()) + text[m.end():]
        else:
            parts.append(part)
    return parts + [text] + late


_HEADER_PER_DOLLAR_RE = re.compile(r"(?i)^\s*(runs?|requests?|quer(?:y|ies)|calls?|tokens?)(?:\s+per|\s*/)\s*(?:\$\s?1?|dollar|USD\s?1?)\s*$")
# a header whose denominator is money: "VRAM/$", "FP16 TFLOPS/$", "Perf per dollar" (an amount per
# dollar, not dollars), unless money comes first ("$/$", "Cost ($) / $1M revenue")
_HEADER_PER_MONEY_RE = re.compile(r"(?i)(?:/|\bper)\s*(?:\$|US\$|dollars?\b)\s*1?\s*\)?\s*$")
_HEADER_MONEY_FIRST_RE = re.compile(r"(?i)\s*\(?\s*(?:US)?\$|\s*(?:cost|price|spend|dollars?)\b")
_HEADER_AT_RE = re.compile(r"(?i)(?:\s+(?:at|assuming)\s+|\s*@\s*)(?:US)?(?P<cur>[$€£])?[0-9][0-9,.]*[^\s()]*(?:\s*(?:/|per)\s*[^\s()]+)?")


# "cost to generate 1M tokens ($)", "Price to process 1K images": the amount of work a column's
# money is the cost of is its denominator, as "per" says it ("Cost per 1M tokens")
HEADER_COST_TO_RE = re.compile(r"(?i)\b(cost|price|spend)\s+to\s+(?:generate|process|produce|serve|output|embed"
                                r"|transcribe|caption)\s+(?=[0-9]|(?:one|a)\s+(?:thousand|million|billion)\b"
                                r"|(?:thousand|million|billion)\b)")
_HEADER_VERSUS_RE = re.compile(r"(?i)(?<!\w)v\.\s?s\.?(?!\w)")
_HEADER_NAME_LETTER_RE = re.compile(r"(?<=[A-Za-z]{2})-[A-Z](?![\w/-])")
_HEADER_MIN_WORD_RE = re.compile(r"\bMin\.?(?=[ \t]+(?!per\b)[A-Za-z])")
# "GGUF (using GPU)", "Llama.cpp (GPU)", "Cost on GPU": the device a column was measured on, not a
# count of GPUs (a count says so in the plural or with a count word: "GPUs", "# GPU", "GPU count")
# "GPU Memory (Gb)", "GPU RAM": a column of the cards' memory (the device named before the memory
# word, no count of devices), its "Gb" in brackets gigabytes (memory is not counted in bits)
_HEADER_MEMORY_RE = re.compile(r"(?i)\b(?:memory|v?ram)\b")
_HEADER_GPU_MEMORY_RE = re.compile(r"(?i)\b[GT]PU(?=[ \t]+(?:memory|v?ram)\b)")
_HEADER_GB_RE = re.compile(r"(?<=\()Gb(?=\))")
_HEADER_DEVICE_RE = re.compile(r"(?i)(?:\b(?:using|on|with|via|w/)[ \t]+(?:the[ \t]+|an?[ \t]+)?(?=[GC]PU\b)|(?<=\()(?=[GC]PU\)))[GC]PU\b")


_OF_THE_PERIOD_RE = re.compile(r"(?i)\bof the (?:day|week|month|year)\b")


#: operations after a number written with its power of ten: so many operations of arithmetic
# (and the precision or sparsity they are counted at, "6.24×10¹⁴ dense INT8 operations per second")
_OPERATIONS_RE = re.compile(r"[ \t\u00a0]+(?:(?:(?i:arithmetic|math(?:ematical)?|compute|dense|sparse)|(?:INT|FP|BF|TF)[0-9]{1,2})"
                            r"[ \t\u00a0]+){0,2}(?i:operations|ops)\b")
#: a second after so many operations: a rate ("6.24×10¹⁴ INT8 operations per second", "... ops/s")
_PER_SECOND_AFTER_RE = re.compile(r"[ \t\u00a0]+(?:per|a|each)[ \t\u00a0]+second\b|[ \t\u00a0]*/[ \t\u00a0]*s(?:ec(?:ond)?)?\b")
# a header that names one calendar period, in the singular, alone: its cells are dates or indexes
# ("| Month | Cost |" over "| Jan 2026 |"), not durations ("| Months |", "| Duration (months) |" are)
_HEADER_CALENDAR_RE = re.compile(r"(?i)month|week|day")
_HEADER_ONE_HOUR_RE = re.compile(r"(?i)(?:1|one)[ \t\u00a0-]*(?:hour|hr|h)")


# a header's rate in German or French ("$ par million de tokens", "€ pro Stunde", "USD pro Monat")
_HEADER_FOREIGN_PER_RE = re.compile(r"(?i)[ \t]*\b(?:pro|par|je)[ \t]+(?:(?P<tok>(?:1[ \t]+)?(?:million|mio\.?)[ \t]+(?:de[ \t]+|d[’'])?"
                                    r"tokens?)|(?P<den>stunde|heure|monat|mois|jahr|an|année|tag|jour|woche|semaine))\b")


# a header naming compute in petaflop/s-days ("Training Compute (PFlop/s-days)", "PF-days"): the
# unit whole, before the "/s" in it is read as a rate per second
_HEADER_PF_DAY_RE = re.compile(r"(?i)(?<![a-z])(?:peta-?flops?(?:/s|·s)?[- ]days?|pf(?:lops?|s)?(?:/s)?[- ]days?)(?![a-z])")


#: a rate of operations written with a slash ("TFLOP/s", "TFLOP / sec"): the unit whole (TFLOPS)
_HEADER_FLOP_PER_S_RE = re.compile(r"(?<![A-Za-z])([KMGTPE]?FLOP)[ \t]*/[ \t]*(?:s|sec|second)(?![A-Za-z])")
#: bits or bytes a weight written with a slash ("Bits/Param", "bytes / weight")
_HEADER_PER_PARAM_RE = re.compile(r"(?i)\b(bits?|bytes?)[ \t]*/[ \t]*(?:param(?:eter)?s?|weights?)\b")
#: tokens a second written "T/s" ("Throughput (T/s/GPU)"), not a transfer rate ("MT/s", "GT/s")
_HEADER_T_PER_S_RE = re.compile(r"(?<![\w/])T/s(?![A-Za-z])")


# (a cache that holds every header and row label of the development corpus and more: the
# corpus has over 2,048 distinct ones, and a least-recently-used cache smaller than the labels a
# process reads again in turn misses on every one of them the second time round)
# an underscore between two letters or digits of a header, and a currency code in lower case there
_HEADER_SNAKE_RE = re.compile(r"(?<=[A-Za-z0-9])_(?=[A-Za-z0-9])")
_HEADER_SNAKE_CUR_RE = re.compile(r"(?<![A-Za-z])(?:usd|eur|gbp)(?![A-Za-z])")


@functools.lru_cache(maxsize=16384)
def header_unit(header: str) -> Quantity | None:
    """What a table header says about the unit of the numbers below it, as a template
    :class:`Quantity` (value 0), or None when it names no unit."""
    h = header or ""
    if "_" in h and _HEADER_SNAKE_RE.search(h):
        # "| usd_per_hour |", "| latency_ms |": a machine's column name, its words joined by
        # underscores (not emphasis marks, which go below); a lower-case currency code in it is the code
        h = _HEADER_SNAKE_CUR_RE.sub(lambda m: m.group(0).upper(), _HEADER_SNAKE_RE.sub(" ", h))
    h = re.sub(r"[*_`]", "", h).strip()
    # "vLLM v0.5.4 v.s. v0.6.0": "versus", not seconds
    h = _HEADER_VERSUS_RE.sub(" ", h).strip()
    # "GPT-J 6B", "Model-T": a name's last letter after a hyphen, not a unit's symbol (J, W)
    h = _HEADER_NAME_LETTER_RE.sub(" ", h)
    # "Min Latency", "Max Throughput & Min Latency": the least of a measure, not minutes
    h = _HEADER_MIN_WORD_RE.sub(" ", h)
    h = _HEADER_DEVICE_RE.sub(" ", h)
    if ("emory" in h or "RAM" in h or "EMORY" in h) and _HEADER_MEMORY_RE.search(h):
        # "GPU Memory (Gb)": the cards' memory, in gigabytes written "Gb" beside it, not a count of GPUs
        h = _HEADER_GB_RE.sub("GB", _HEADER_GPU_MEMORY_RE.sub(" ", h))
    if "/" in h and ("FLOP" in h or "T/s" in h):
        # "Model TFLOP / sec / GPU", "TFLOP/s per GPU": a rate of operations (TFLOPS), not a count of
        # GPUs; "Throughput (T/s/GPU)": tokens a second (not "MT/s", "GT/s": transfers)
        h = _HEADER_FLOP_PER_S_RE.sub(r"\1S", h)
        h = _HEADER_T_PER_S_RE.sub("tokens/s", h)
    if ("pro " in h or "par " in h or "je " in h) and _HEADER_FOREIGN_PER_RE.search(h):
        # "Prix ($ par million de tokens, entrée / sortie)", "Preis (€ pro Stunde)": the rate in English
        h = _HEADER_FOREIGN_PER_RE.sub(lambda m: " per " + ("million tokens" if m.group("tok") else
                                                             _FOREIGN_DEN[m.group("den").lower()]), h)
    # "Cost at $2/GPU-hour", "Energy @ 700 W": the rate the column assumes, not its unit
    h = _HEADER_AT_RE.sub(lambda m: " " + m.group("cur") if m.group("cur") else "", h).strip()
    if "/" in h and _HEADER_PER_PARAM_RE.search(h):
        # "| Bits/Param | Bytes/Param |": bits (bytes) each weight is stored in, as "bits per parameter"
        h = _HEADER_PER_PARAM_RE.sub(r"\1 per parameter", h)
    if " to " in h and HEADER_COST_TO_RE.search(h):
        h = HEADER_COST_TO_RE.sub(r"\1 per ", h)
    if not h:
        return None
    if " of the " in h and _OF_THE_PERIOD_RE.search(h):
        return None  # "The chart of the week", "Model of the month": a title's period, no unit of the cells
    if h[:1] in "1Oo" and _HEADER_ONE_HOUR_RE.fullmatch(h):
        # "| 1 Hour | 1 Month |" over prices: what an hour of the thing costs, a rate per hour (not
        # "| 1 Year |", a commitment's term over hourly rates as often as a year's price)
        return Quantity(0, 0, "", 0.0, den="hour", form="table")
    if h[:1] in "MmWwDd" and _HEADER_CALENDAR_RE.fullmatch(h):
        return None  # "| Month | AWS spend |": the row's month ("Jan 2026", "Month 1"), not months counted
    if re.search(r"(?i)\b(?:year|date|quarter|rank|version|no\.|#|id)\b", h) and not re.search(
            r"(?i)(?:per|/|a)\s*(?:year|yr)|annual", h):
        return None
    dm = _HEADER_PER_DOLLAR_RE.match(h)
    if dm:  # "Runs per $1", "Tokens per dollar": how many of a thing a dollar buys
        return Quantity(0, 0, "", 0.0, atom="token" if dm.group(1).lower().startswith("tok") else "query",
                        count=True, den="USD", form="table")
    if ("$" in h or "ollar" in h) and _HEADER_PER_MONEY_RE.search(h) and not _HEADER_MONEY_FIRST_RE.match(h):
        # "| VRAM/$ |", "| BW/$ |", "| FP16 TFLOPS/$ |", "TFLOPS per dollar": how much of a measure
        # a dollar buys, a figure of value for money with no unit the grammar spans; not dollars
        return None
    if "/" in h and _HEADER_PF_DAY_RE.search(h):
        return Quantity(0, 0, "", 0.0, atom="petaflop_s_day", form="table")
    q = Quantity(0, 0, "", 0.0, form="table")
    pm = _HEADER_PER_RE.search(h)
    if pm is None and "/" in h and _unknown_ratio(h):
        return None  # "W/TFLOP", "$/TFLOP": a ratio of two units the grammar has no unit for, not watts or dollars
    text = h
    if pm and not pm.group("word"):  # "Revenue per GPU-hour": GPU-hours are the denominator
        text = h[:pm.start()] + " " * (pm.end() - pm.start()) + h[pm.end():]
        text = _header_note_cut(text, pm.end())
    parts = _header_parts(text)
    for part in parts:
        if _header_part(q, part):
            break
    if pm:
        if pm.group("word"):
            w = pm.group("word").lower()
            q.den = {"annual": "year", "annually": "year", "yearly": "year", "monthly": "month",
                     "daily": "day", "hourly": "hour"}.get(w, "year")  # ("Run rate", "ARR": a year's worth)
        else:
            d = pm.group("den").lower()
            cm = _HEADER_DEN_COUNT_RE.match(d)
            if cm:
                q.den, q.den_count = "token", cm.group(1)
            elif d.startswith(("mtok", "mtoken")):
                q.den, q.den_count = "token", "1M"
            elif d.startswith("tok"):
                q.den = "token"
            else:
                q.den, scope = _den_atom(d, None)
                q.scope = scope
                if q.den == "GPU":
                    q.den = None
        if q.atom == "GPU" and q.count and not q.cur and q.den and _HEADER_COST_WORD_RE.search(h):
            q.atom, q.count = None, False  # "GPU Cost Per Hour": the GPU is what the cost is of, no count of GPUs
        if q.atom and not q.cur and q.atom not in _PER_UNITS and not (q.atom in _SHORTER and q.den in _SHORTER[q.atom]) \
                and not (q.atom == "example" and q.den in ("s", "min", "hour")):  # (but "Throughput (samples/s)")
            q.den = q.den_count = None  # "Units per GPU": no rate of a plain unit; "Annual hours": hours a year
    if q.count and q.den and not q.cur and _HEADER_AMOUNT_LEAD_RE.match(h):
        q.atom = None  # "100K requests/mo": what a month's figures are for, not what they count
        q.count = False
    if q.atom == "token" and not q.den and not _HEADER_CONTEXT_RE.search(h):
        sm = _HEADER_TOKEN_SCALE_RE.search(h)
        if sm:  # "1M TOKENS INPUT", "Cena za milion tokenów": what a price in the row is for
            n = sm.group("n").replace(" ", "").lower()
            q.atom, q.den = None, "token"
            q.den_count = {"milion": "million", "mln": "million"}.get(n, n)
    if q.atom in ("token", "query") and not (q.den or q.cur or q.percent) and "hroughput" in h \
            and (tm := _HEADER_THROUGHPUT_RE.search(h)) is not None:
        # "| Output token throughput |", "Request throughput:" with no unit said: so many a second,
        # as a serving benchmark counts them (a prompt's throughput is its tokens', vLLM's "Avg
        # prompt throughput: 0.0 tokens/s")
        q.den = "s"
        if tm.group("prompt"):
            q.atom, q.count = "token", False
    if not (q.cur or q.atom or q.percent or q.den):
        return None
    return q


# a word that makes a header's amounts money ("GPU Component Cost Per Hour")
_HEADER_COST_WORD_RE = re.compile(r"(?i)\b(?:cost|costs|price|prices|pricing|rent|rental|spend)\b")


# a throughput a header names by the things counted ("Output token throughput", "Request throughput")
_HEADER_THROUGHPUT_RE = re.compile(r"(?i)\b(?:(?P<prompt>prompt)|tokens?|toks?|requests?|reqs?|generation|output|input)"
                                   r"[ \t]+throughput\b")


# a header's ratio of a unit (or a currency) to another unit: "W/TFLOP", "$/TFLOP", "$/GB"
_HEADER_RATIO_RE = re.compile(r"(?P<num>[$€£]|(?<![A-Za-z])[A-Za-z]{1,8})\s*/\s*(?P<den>[A-Za-z][A-Za-z0-9]{0,8})(?![A-Za-z0-9])")


_HEADER_FLOP_DEN_RE = re.compile(r"(?i)[KMGTPE]?FLOPS?")


def _unknown_ratio(h: str) -> bool:
    """Whether the header ``h`` measures its cells by a ratio of two units that no unit of the
    grammar spans ("W/TFLOP" over 0.35: watts per teraflop, not watts), unlike a known one
    ("TFLOPS/W", "GB/s") or a price per thing ("$/GPU")."""
    for rm in _HEADER_RATIO_RE.finditer(h):
        if not (_header_unit_re().fullmatch(rm.group("den")) or _HEADER_FLOP_DEN_RE.fullmatch(rm.group("den"))):
            continue
        um = _header_unit_re().search(h, max(0, rm.start() - 12))
        if um is not None and um.start() <= rm.start() and um.end() >= rm.end():
            continue  # the whole ratio is a unit
        return True
    return False


# (_header_part's patterns compiled once: the two built from _UNIT_RE's and _COUNT_RE's whole
# alternations had their text made and hashed again for each header through the re module's
# cache; those two on first use, as _ByFirstChar builds its own, so that importing the grammar
# stays cheap)
_HEADER_PCT_FULL_RE = re.compile(r"\s*%\s*|(?i:\s*percent\s*)")
# (not a share of stock: "Share price", "Price per share", "Dividend/share", "Share count")
_HEADER_SHARE_RE = re.compile(r"(?i)(?<!per )(?<!/)\bshare\b(?![ \t]+(?:price|count|repurchases?|buybacks?|base)\b)|%")
_HEADER_DIMS_RE = re.compile(r"(?i)\s*(?:embedding |vector |output )?(?:dimensions?|dims?)\s*")
_HEADER_PARAMS_RE = re.compile(r"(?i)\b(?:model size|params|parameters)\b")
_HEADER_CONTEXT_RE = re.compile(r"(?i)\bcontext(?: window| length)?\b|\bmax(?:imum)? (?:input|output)\b"
                                r"|\b(?:input|output|prompt|sequence|completion|generation)[ _-]?(?:length|len)\b")


@functools.lru_cache(maxsize=None)
def _header_unit_re() -> re.Pattern:
    return re.compile(r"(?<![A-Za-z0-9])(?:" + _UNIT_RE.pattern + ")")


@functools.lru_cache(maxsize=None)
def _header_count_re() -> re.Pattern:
    return re.compile(r"(?<![A-Za-z0-9-])(?:" + _COUNT_RE.pattern + ")")


_GPU_NAMES_RE = re.compile(GPU_NAME + "s?")
_HEADER_AMOUNT_LEAD_RE = re.compile(r"\s*[0-9][0-9,.]*\s?(?:[KkMB]|thousand|million|billion)?\+?\s+[A-Za-z]")
_HEADER_BITS_RE = re.compile(r"(?i)\s*bits?\s*")


#: a kind of card named by one card ("H100-class", "A100-equivalent", "H100-based")
_HEADER_CARD_CLASS_RE = re.compile(r"(?i)-(?:class|series|equivalent|based|grade|level)(?=[ \t])")
#: what a header says was done with the GPUs it counts ("H100 GPUs purchased", "... deployed") ...
_HEADER_COUNTED_AFTER_RE = re.compile(r"(?i)[ \t]*\(?(?:purchased|bought|ordered|shipped|delivered|deployed|installed"
                                      r"|acquired|owned|received|sold|in[ \t]+service|in[ \t]+use)\b")
#: ... or that it counts them ("Number of H100 GPUs", "# of H100 GPUs", "Total H100 GPUs")
_HEADER_NUMBER_OF_RE = re.compile(r"(?i)(?:\b(?:number|no\.?|count|total)[ \t]+(?:of[ \t]+)?|#[ \t]*(?:of[ \t]+)?)$")


#: a count of a chip's units named in the singular before "Count" ("SM Count", "CU count", "Core Count",
#: "CUDA Core Count"): how many the chip has, as "SMs" and "CUDA Cores" are
_HEADER_UNIT_COUNT_RE = re.compile(r"(?i)[ \t]*(?:(?P<sm>SM|CU|streaming[ \t]+multiprocessor|compute[ \t]+unit)"
                                   r"|(?:CUDA[ \t]+|tensor[ \t]+|shader[ \t]+)?core)[ \t]+count[ \t]*")


def _header_part(q: Quantity, part: str) -> bool:
    cm = _HEADER_CUR_RE.search(part)
    if cm:
        c = cm.group("cur")
        q.cur = "USD" if c is None else _CUR_OF_SIGN.get(c) or _DOLLAR_PREFIXES.get(c[:-1], "USD")
        if cm.group("s") or cm.group("s2"):
            q.scale = scale_name(cm.group("s") or cm.group("s2"))
        elif cm.group("w") or cm.group("w2"):
            w = (cm.group("w") or cm.group("w2")).lower().rstrip("s")
            q.scale = "K" if w == "thousand" else w
        elif cm.group("z"):
            q.scale = "K"
        return True
    if _HEADER_PCT_FULL_RE.fullmatch(part) or _HEADER_SHARE_RE.search(part):
        q.percent = True
        return True
    if _HEADER_DIMS_RE.fullmatch(part):
        q.atom = "x"  # "| Dimension |" over 1024: a vector's length
        q.hint = "embedding-dimension"  # (what an embedding model returns, as "1024 dimensions" is)
        return True
    if _HEADER_PARAMS_RE.search(part):
        q.atom = "parameter"
        return True
    if _HEADER_CONTEXT_RE.search(part):
        q.atom = "token"
        return True
    um = _header_unit_re().search(part)
    if um:
        q.atom = _UNIT_FORMS[int(um.lastgroup[1:])][1]
        if um.group(0) in ("TPS", "RPS", "QPS"):
            q.den = "s"  # "| TPS |", "| RPS |": tokens (requests) a second in one symbol, as "2,689 TPS" in prose
        return True
    if _HEADER_BITS_RE.fullmatch(part):
        q.atom = "bit"  # "Memory Bus Width (bit)": a width in bits, not a quantisation setting
        return True
    if (um := _HEADER_UNIT_COUNT_RE.fullmatch(part)) is not None:
        q.atom, q.count = ("compute_unit" if um.group("sm") else "core"), True  # "| SM Count |" over 132
        return True
    cnt = _header_count_re().search(part)
    if cnt and _GPU_NAMES_RE.fullmatch(cnt.group(0)):
        # "H100 GPUs purchased", "Number of H100 GPUs": the card's name only says which GPUs the
        # column counts (alone, "| H100 |" heads a card's column of specs, and counts nothing)
        k = cnt.end()
        if part[k:k + 1] == "-" and (cm := _HEADER_CARD_CLASS_RE.match(part, k)):
            k = cm.end()  # "H100-class GPUs deployed", "A100-equivalent GPUs"
        while part[k:k + 1] in (" ", "\t"):
            k += 1
        nxt = _header_count_re().match(part, k) if k > cnt.end() else None
        if nxt is not None and not _GPU_NAMES_RE.fullmatch(nxt.group(0)) and nxt.group(0)[-1:] in "sS" \
                and COUNT_NOUNS[int(nxt.lastgroup[1:])][1] == "GPU" \
                and (_HEADER_COUNTED_AFTER_RE.match(part, nxt.end()) or _HEADER_NUMBER_OF_RE.search(part, 0, cnt.start())):
            cnt = nxt
    if cnt and not _GPU_NAMES_RE.fullmatch(cnt.group(0)) and part[cnt.end():cnt.end() + 1] != "-":
        # ("GPU-only emissions", "node-level power": a modifier, not what the column counts; the
        # device a column ran on, "GGUF (using GPU)", is taken out before, _HEADER_DEVICE_RE)
        noun = COUNT_NOUNS[int(cnt.lastgroup[1:])][1]
        if noun.startswith("x:"):
            q.atom, q.hint = "x", noun[2:]
            return True
        if noun != "core" or cnt.group(0)[-1:] in "sS":  # "FP16 Tensor Core": a kind of unit, not
            # a count of cores; "CUDA Cores", "Tensor Cores": how many a chip has
            q.atom, q.count = noun, True
            return True
    return False


@functools.lru_cache(maxsize=4096)
def unit_key(unit: str):
    """What a unit text measures: (dimensionality, the named plain-number units with their
    exponents), so that counts of different things differ ("GPU" is not "node", "x" is not
    "percent") while scale words and prefixes do not matter. None when unreadable."""
    try:
        # (parse_unit's dimensionality and unit_items(), kept on disk: no pint import)
        dims, items, _ = unit_shape(unit)
    except (UnitError, ValueError):
        return None
    nouns = tuple(sorted((name, exp) for name, exp in items if _plain_number(name)))
    return dims, nouns


@functools.lru_cache(maxsize=512)
def _plain_number(name: str) -> bool:
    try:
        return unit_shape(name)[2]  # (bool(parse_unit(name).dimensionless), kept on disk)
    except (UnitError, ValueError):
        return False


_PLAIN_NUMBER = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?([eE][-+]?\d{1,3})?(?![\d])")
_SUPER = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
_SCIENTIFIC = re.compile(r"(?:(?:(\d+(?:\.\d+)?)\s*[-–]\s*)?(\d+(?:\.\d+)?)\s*(?:[x×*·]|times)\s*)?"
                         r"10\s*(?:\^\s*|\*\*\s*|e)?([-⁻]?[\d⁰¹²³⁴⁵⁶⁷⁸⁹]+)")
_WORD_NUMBERS = {"zero": 0.0, "no": 0.0, "each": 1.0, "every": 1.0, "flat": 0.0, "unchanged": 0.0, "single": 1.0, "same": 1.0, "one": 1.0,
                 "half": 0.5, "double": 2.0, "doubled": 2.0, "doubling": 2.0, "triple": 3.0, "tripled": 3.0,
                 "quadruple": 4.0, "quadrupled": 4.0}
_WORD_NUMBER_RE = re.compile(r"\b(" + "|".join(_WORD_NUMBERS) + r")\b", re.IGNORECASE)
# a comparison that states equality ("as much carbon as five cars", "around the GDP of China"): a ratio of 1
_EQUAL_RE = re.compile(r"\b(?:as (?:much|many|large|big|high)\b[^.]{0,60}?\bas|equal(?:s| to)|equivalent|the same as|"
                       r"(?:around|about|roughly|nearly|approximately) the|comparable to|on par with)\b", re.IGNORECASE)
_CARDINALS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve thirteen "
                                         "fourteen fifteen sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
_CARDINAL_RE = re.compile(r"\b(?:(?:%s)(?:[\s-]+(?:and[\s-]+)?)?)+(?:\s+and\s+a\s+half)?" % "|".join(
    sorted([*_CARDINALS, *_TENS, "hundred", "thousand"], key=len, reverse=True)), re.IGNORECASE)


_AND_A_HALF_RE = re.compile(r"\b(%s)\s+and\s+a\s+half\b" % "|".join([*_CARDINALS, *_TENS]), re.IGNORECASE)


def _cardinal(words: str) -> float | None:
    """ "one hundred eighty-one" -> 181, "two and a half" -> 2.5, "nine" -> 9."""
    half = 0.5 if re.search(r"and\s+a\s+half", words, re.I) else 0.0
    total, current = 0, 0
    seen = False
    for w in re.split(r"[\s-]+", words.lower()):
        if w in _CARDINALS:
            current += _CARDINALS[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w == "thousand":
            total, current = total + (current or 1) * 1000, 0
        else:
            continue
        seen = True
    return float(total + current) + half if seen else None


def numbers_in(text: str) -> list[float]:
    """Every number a text states, as written (``"2.5"`` in "$2.5 billion") and with its scale
    word or letter folded in (2.5e9): digits, scientific notation ("2.8 × 10²²", "1.5-3 ×
    10²⁵"), multipliers and fractions in words ("twice": 2, "a third": 0.333...) and the words
    that state a number ("a single GPU", "doubled", "flat"). For checking that a record says
    what its quote says."""
    return sorted({v for v, _ in quantities_in(text)})


# "3.200", "1.000.000": digits grouped by dots, as articles written with a dot for the
# thousands separator have them (the extractor reads those so when the article does)
_DOT_GROUPED = re.compile(r"(?<![0-9.,])[0-9]{1,3}(?:\.[0-9]{3})+(?![0-9]|[.,][0-9])")


def plain_numbers_in(text: str) -> list[float]:
    """The numbers written with digits (no grammar): the fast first look of :func:`numbers_in`.
    Digits grouped by dots ("3.200") count both ways, as 3.2 and as 3,200."""
    out = [float(m.group(1).replace(",", "") + (m.group(2) or "") + (m.group(3) or "")) for m in _PLAIN_NUMBER.finditer(text)]
    if "." in text:
        out += [float(m.group(0).replace(".", "")) for m in _DOT_GROUPED.finditer(text)]
    return out


def quantities_in(text: str) -> list[tuple[float, str | None]]:
    """As :func:`numbers_in`, each number with the unit text the grammar read for it (None
    where it read none), so that "1 second" can be compared with "1,000 ms"."""
    out: list[tuple[float, str | None]] = []
    view = space_thousands(text)  # ("1 500 €", "100 000 GPUs": one number each, as the drafts read them)
    for pos in candidate_starts(view):
        q = parse_at(view, pos) or word_number_at(view, pos)
        if q is None:
            continue
        out.append((q.value, None))
        if q.spelled and q.percent and q.hint == "share":
            out.append((q.value / 100, None))  # "one-third of their footprint": 33.33 percent, also the 1/3 it says
        unit = unit_text(q) if (q.atom or q.cur or q.den) else None
        if q.scale:
            out.append((q.value * scale_factor(q.scale), None))
        if unit:
            out.append((q.value, unit))
    out += [(x, None) for x in plain_numbers_in(text)]
    for m in _SCIENTIFIC.finditer(text):
        try:
            exp = int(m.group(3).translate(_SUPER))
        except ValueError:
            continue
        if abs(exp) <= 40:
            for g in (1, 2):
                if m.group(g) or g == 2:
                    out.append((float(m.group(g) or 1) * 10.0 ** exp, None))
    out += [(_WORD_NUMBERS[m.group(1).lower()], None) for m in _WORD_NUMBER_RE.finditer(text)]
    for m in _CARDINAL_RE.finditer(text):
        v = _cardinal(m.group(0))
        if v is not None:
            out.append((v, None))
    for m in _AND_A_HALF_RE.finditer(text):
        v = _cardinal(m.group(1))
        if v is not None:
            out.append((v + 0.5, None))
    if _EQUAL_RE.search(text):
        out.append((1.0, None))
    return out
