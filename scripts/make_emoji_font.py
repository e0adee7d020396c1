"""Make klantreis/charts/fonts/klantreis-emoji.woff2: the emoji a journey most often
shows (the faces of the emotion scales, hands, hearts, the symbols the charts use and
common objects), cut from Debian's Noto Color Emoji with fontTools. Report pages take
their emoji from it on a machine without Noto Color Emoji (see
klantreis.charts._emoji_font). Run after an update of fonts-noto-color-emoji:

    python scripts/make_emoji_font.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from klantreis.charts._emoji_font import BUNDLED, _system_font, subset_font  # noqa: E402

#: Smileys and people's faces, hands, hearts, and the symbols klantreis itself uses.
RANGES = [
    (0x1F600, 0x1F64F),  # emoticons
    (0x1F910, 0x1F92F), (0x1F970, 0x1F97A), (0x1FAE0, 0x1FAE8),  # more faces
    (0x1F44A, 0x1F450), (0x1F4AA, 0x1F4AA), (0x1F64C, 0x1F64F),  # hands
    (0x1F493, 0x1F49F), (0x2764, 0x2764),  # hearts
    (0x1F310, 0x1F310), (0x1F3E2, 0x1F3E2), (0x1F389, 0x1F38A), (0x1F4A1, 0x1F4A1),  # 🌐 🏢 🎉 💡
    (0x1F4F1, 0x1F4F1), (0x1F4E7, 0x1F4E7), (0x1F4DE, 0x1F4DE), (0x1F6B2, 0x1F6B4),  # 📱 📧 📞 🚲
    (0x2705, 0x2705), (0x274C, 0x274C), (0x2B50, 0x2B50), (0x26A0, 0x26A0), (0x1F525, 0x1F525),
]  # fmt: skip


def main() -> None:
    source = _system_font()
    if source is None:
        raise SystemExit("Noto Color Emoji is not installed (apt-get install fonts-noto-color-emoji)")
    chars = "".join(chr(c) for start, stop in RANGES for c in range(start, stop + 1)) + "\ufe0f\u200d"
    data, kind, _ = subset_font(chars, source)
    if kind != "woff2":
        raise SystemExit("install brotli (pip install brotli) to write WOFF2")
    BUNDLED.parent.mkdir(parents=True, exist_ok=True)
    BUNDLED.write_bytes(data)
    print(f"wrote {BUNDLED.relative_to(ROOT)}: {len(data) // 1024} KiB from {source}")


if __name__ == "__main__":
    main()
