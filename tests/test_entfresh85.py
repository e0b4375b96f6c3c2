"""Entities on fresh public comparisons of models, GPUs and prices (entfresh85): sentences from
write-ups outside the corpus, each named by its repository and path."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def reg(project_registry):
    return project_registry


def _drafts(reg, text):
    from kb.extract.drafts import extract_text

    return {d.raw: d for d in extract_text(text, reg)}


# --- a source cited in numbered reference links after the number is no entity ---------------

# GitHub lzwjava/blog-source, notes/2025-08-24-ai-model-cost-perf-en.md
_CITED = ("## API Pricing (per million tokens)\n\n"
          "### **Claude 4 Opus**\n\n"
          "* Input: **\\$15**\n"
          "* Output: **\\$75** ([Anthropic][2], [LaoZhang AI][3], [Simon Willison’s Weblog][4])\n\n"
          "### **GPT-5 Nano**\n\n"
          "* Input: **\\$0.05**\n"
          "* Output: **\\$0.40** ([OpenAI][5], [WIRED][6])\n")


@pytest.mark.parametrize("raw, entity", [("$75", "claude-opus-4"), ("$0.40", "gpt-5-nano"), ("$0.05", "gpt-5-nano")])
def test_cited_source_is_no_entity(reg, raw, entity):
    d = _drafts(reg, _CITED)[raw]
    assert d.entity == entity
    assert d.property == "token-price"


def test_inline_link_after_number_still_names_the_thing(reg):
    # an inline link in the bracket may name the thing itself (r40's "([A100](...datasheet.pdf))"
    # form): only numbered reference links are read as citations
    text = "The card reaches 312 TFLOPS of FP16 ([A100](https://www.nvidia.com/a100-datasheet.pdf)).\n"
    assert _drafts(reg, text)["312 TFLOPS"].entity == "nvidia-a100"


# --- "VRAM" in a spec item under a GPU's heading -----------------------------------------------

# GitHub clarng/ags, ags/gpu_infra/PRICING.md
_SPEC = ("## Full Pricing by GPU Type\n\n### H100\n\n"
         "- **VRAM:** 80 GB\n- **FP16 Performance:** 1979 TFLOPS\n- **Memory Bandwidth:** 3350 GB/s\n"
         "- **TDP:** 700 W\n\n"
         "### RTX 4090\n\n- **VRAM:** 24 GB\n- **FP16 Performance:** 330 TFLOPS\n")


@pytest.mark.parametrize("raw, entity", [("80 GB", "nvidia-h100"), ("24 GB", "nvidia-geforce-rtx-4090"),
                                         ("700 W", "nvidia-h100")])
def test_vram_item_under_gpu_heading(reg, raw, entity):
    d = _drafts(reg, _SPEC)[raw]
    assert d.entity == entity
    assert d.property == "memory-capacity" or raw == "700 W"


def test_vram_a_model_needs_stays_unlinked_to_a_card(reg):
    # a model's need in a list under the model's own heading is not given to a card
    text = "### Llama 3 70B\n\n- **VRAM:** 140 GB at FP16\n"
    assert _drafts(reg, text)["140 GB"].entity != "nvidia-h100"


# --- a yardstick whose own relative clause has the number --------------------------------------

# GitHub towardsai/agentic-ai-engineering-course,
# lessons/05_structured_outputs/urls_from_research/llama-3-70b-vs-gpt-4-comparison-analysis.md
_CONTEXT = ("When it comes to context window size, Llama 3 70B is still _behind_ the long context options that "
            "proprietary models offer. It currently comes with 8K context window length, compared to GPT-4 that "
            "comes with 128K context length.\n")


def test_yardstick_with_its_own_clause(reg):
    ds = _drafts(reg, _CONTEXT)
    assert ds["8K"].entity == "llama-3-70b"
    assert ds["128K"].entity == "gpt-4"


def test_yardstick_without_its_own_clause_stays_the_baseline(reg):
    text = "Llama 3 70B comes with 8K context window length, compared to GPT-4 with 128K tokens of context.\n"
    assert _drafts(reg, text)["8K"].entity == "llama-3-70b"


# --- a load multiplied by a price in a written-out cost ----------------------------------------

# GitHub damonhess/personal-assistant-ai, PRICING-ANALYSIS.md
_WORKING = ("## 💰 Cost Impact Analysis\n\n"
            "### If Switched to Gemini 2.0 Flash\n"
            "**Monthly cost** (same usage):\n"
            "- Input: 400K tokens × $0.10/1M = **$0.040**\n"
            "- Output: 100K tokens × $0.40/1M = **$0.040**\n"
            "- **Total: $0.080/month**\n")


@pytest.mark.parametrize("raw", ["400K tokens", "100K tokens"])
def test_load_times_price_is_the_articles_own(reg, raw):
    d = _drafts(reg, _WORKING)[raw]
    assert d.entity is None and d.entity_new
    assert d.property == "token-volume"


def test_price_in_the_working_keeps_the_heading_model(reg):
    assert _drafts(reg, _WORKING)["$0.10/1M"].entity == "gemini-2.0-flash"


# --- a pair in a bracket right after the yardstick ---------------------------------------------

def test_first_of_a_bracketed_pair_after_a_yardstick(reg):
    # the form of GitHub damonhess/personal-assistant-ai, PRICING-ANALYSIS.md ("**33% cheaper
    # input** than GPT-4o-mini ($0.10 vs $0.15)"), written as one sentence
    text = "Gemini 2.0 Flash costs less than GPT-4o-mini ($0.10 vs $0.15 per million input tokens).\n"
    ds = _drafts(reg, text)
    assert ds["$0.10"].entity == "gemini-2.0-flash"
    assert ds["$0.15 per million input tokens"].entity == "gpt-4o-mini"


def test_list_item_pair_no_longer_given_to_the_yardstick(reg):
    text = ("### 1. **Gemini 2.0 Flash is the Cheapest**\n"
            "- **33% cheaper input** than GPT-4o-mini ($0.10 vs $0.15)\n")
    ds = _drafts(reg, text)
    assert ds["$0.10"].entity != "gpt-4o-mini"
    assert ds["$0.15"].entity == "gpt-4o-mini"


# --- a label cell whose first line names the row's thing, the lines below who is behind it ------

# r167-ai-capex-arms-race's HTML table (a development article), trimmed
_STARGATE_ROW = """<table>
  <thead><tr><th>Company</th><th>Capex</th><th>Details</th></tr></thead>
  <tbody>
      <tr>
        <td class="company-cell">
          <div class="company-name">Stargate</div>
          <div style="font-size:0.7rem; color:var(--muted); margin-top:0.1rem;">OpenAI · SoftBank · Oracle</div>
        </td>
        <td class="capex-cell">
          <div class="capex-amount">$500B</div>
          <div class="capex-unit">over 4 years (announced)</div>
        </td>
        <td class="details-cell">
          <span class="flagship">OpenAI announced Stargate as a plan to invest $500B over four years.</span>
        </td>
      </tr>
  </tbody>
</table>
"""


def test_label_cell_first_line_names_the_row(reg):
    from kb.extract.drafts import extract_text

    got = [d for d in extract_text(_STARGATE_ROW, reg) if d.raw == "$500B"]
    assert got and all(d.entity == "stargate" for d in got)


def test_label_cell_of_several_companies_on_one_line_is_none_of_them(reg):
    text = ("| Companies | Combined capex |\n|---|---|\n"
            "| Microsoft / Alphabet / Amazon / Meta | $357.5B |\n")
    assert _drafts(reg, text)["$357.5B"].entity not in ("microsoft", "alphabet", "amazon", "meta")


# --- a name set beside the subject in a closed bracket is an aside -----------------------------

# GitHub lzwjava/blog-source, notes/2025-08-24-ai-model-cost-perf-en.md
_SUMMARY = ("## Summary (clear and concise):\n\n"
            "* **Claude 4 Opus**: Top performance, high cost (\\$15 in / \\$75 out).\n"
            "* **GPT-5 (full)**: Great performance (just behind Opus), much cheaper (\\$1.25 in / \\$10 out).\n")


@pytest.mark.parametrize("raw", ["$1.25", "$10"])
def test_compared_name_in_closed_bracket_is_an_aside(reg, raw):
    assert _drafts(reg, _SUMMARY)[raw].entity == "gpt-5"


def test_name_alone_in_bracket_still_names_the_subject(reg):
    text = "The flagship (H100 SXM) draws 700 W under load.\n"
    assert _drafts(reg, text)["700 W"].entity == "nvidia-h100-sxm"
