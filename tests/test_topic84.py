"""A GPU's figure in a sentence that names nothing, in a stretch of a section about one GPU, is
that GPU's (kb.extract.linking: ``_Subject.section_ruler``, the rule after the new-entity
guess): real passages of development articles (r95, r126, r114)."""
import pytest

from kb.extract import linking, vet

from conftest import drafts_by_raw


@pytest.fixture(scope="module")
def reg(project_registry):
    return project_registry

# r95-hathora-inference-latencies: a list of the test card's figures under the section that names it
R95 = """## Experimental Configuration

All benchmarks were conducted on the NVIDIA H100 80GB PCIe variant. Note: The SXM5 variant offers 3.35 TB/s bandwidth via HBM3, 16,896 CUDA cores, and a peak TDP 700W (double the PCIe variant's TDP).

Test hardware specifications:

- **80GB HBM2e memory** with 2.0 TB/s memory bandwidth
- **14,592 CUDA cores** featuring 456 fourth-generation Tensor cores
- **5120-bit memory bus interface** supporting high-bandwidth operations
- **350W TDP** similar TDP to top consumer-grade cards

### Models
"""

# r126-self-hosted-vs-paid-ai: a cost breakdown under a heading naming the card
R126 = """### **Self-Hosted Costs (RTX 4080 16GB)**

**Hardware:**
- GPU: $1,200 (RTX 4080 16GB)
- Lifespan: 3 years
- Amortized cost: **$0.046/hour**

**Electricity:**
- Power: 320W
- Rate: $0.12/kWh
"""

# r114-self-hosting-ai-models: the writer's own rig of H200s, its hourly price
R114 = """In my tests, if you get a H200 spot instance it'll likely disappear before you are finished setting it up. We're talking $6/h for spot instances vs $14/h for a regular 8xH200 rack.

The setup I'm currently running:

```bash
8x H200 (1128GB GPU VRAM)
176 CPU, 1450GB RAM
Ubuntu 24.04, CUDA 12.8
€13.698/h
```

With my rig I could set up the FP8-version of Qwen3 Coder 480B with a 400k context.
"""


def test_spec_list_under_the_cards_section_is_the_cards(reg):
    ds = drafts_by_raw(R95, reg)
    for raw in ("2.0 TB/s", "14,592 CUDA cores", "350W"):
        d = ds[raw]
        assert d.entity == "nvidia-h100-pcie", (raw, d.entity, d.entity_new)
        assert d.evidence["entity"] == "previous|ruler|kind"


def test_ruled_guess_stays_below_vets_sure_entity(reg):
    # a guess from what the section has been about is unsure: kb vet sets it against nothing outside
    d = drafts_by_raw(R95, reg)["350W"]
    assert d.entity_confidence < vet.ENTITY_SURE


def test_heading_card_takes_its_power_draw(reg):
    d = drafts_by_raw(R126, reg)["320W"]
    assert (d.entity, d.evidence["entity"]) == ("nvidia-geforce-rtx-4080", "previous|ruler|kind")


def test_writers_own_rig_stays_its_own_thing(reg):
    # the section is about the H200, but "my rig" right after the price: the writer's machine
    d = drafts_by_raw(R114, reg)["€13.698/h"]
    assert d.entity is None and d.entity_new
    assert d.evidence["entity"] != "previous|ruler|kind"


def test_no_ruler_when_two_cards_share_the_section(reg):
    idx_text = "## Cards\n\nThe A100 and the H100 are compared here. The H100 is faster; the A100 is cheaper.\n\n- 350W TDP\n"
    d = drafts_by_raw(idx_text, reg)["350W"]
    assert d.evidence.get("entity") != "previous|ruler|kind"


def test_section_ruler_counts_only_the_stretch_before(reg):
    # the ruler is read from the section's heading up to the number's sentence, not past it
    d = drafts_by_raw("## Notes\n\n- 350W TDP\n\nThe H100 PCIe and the H100 PCIe again.\n", reg)["350W"]
    assert d.evidence.get("entity") != "previous|ruler|kind"
    assert linking._RULER_SHARE > 0.5  # (one ruler at most per stretch)
