#!/usr/bin/env python3
"""Makes assets/fonts/NotoSansSC-subset.otf: Noto Sans CJK SC cut down to the characters the game
can show. Run from the repository root after adding Chinese text anywhere under assets/:

    python3 assets/fonts/subset.py [path/to/NotoSansCJK-Regular.ttc]

Needs fonttools (`pip install fonttools`) and the Noto CJK fonts (Debian: `fonts-noto-cjk`).
The subset keeps: every character in the translation catalogues and the shipped scenarios,
dilemma decks and policies; GB2312 level 1 (the 3,755 most common characters, so that trainers'
own scenario texts render); ASCII, Latin-1, general and CJK punctuation and full-width forms.
`tests/catalogue.rs` fails when a shipped text uses a character the game cannot draw.
"""
import glob
import os
import subprocess
import sys

SOURCE = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
FACE = 2  # Noto Sans CJK SC inside the collection (JP, KR, SC, TC, HK order).
OUT = "assets/fonts/NotoSansSC-subset.otf"


def gb2312_level1():
    chars = []
    for hi in range(0xB0, 0xD8):
        for lo in range(0xA1, 0xFF):
            if hi == 0xD7 and lo > 0xF9:
                break
            chars.append(bytes([hi, lo]).decode("gb2312"))
    return chars


def shipped_text():
    files = sorted(glob.glob("assets/i18n/*.ftl")) + sorted(glob.glob("assets/**/*.ron", recursive=True))
    text = ""
    for f in files:
        with open(f, encoding="utf-8") as fh:
            text += fh.read()
    return text


def main():
    chars = set(gb2312_level1())
    chars.update(ch for ch in shipped_text() if ord(ch) > 0x7F)
    ranges = [
        (0x20, 0x7E),      # ASCII
        (0xA0, 0xFF),      # Latin-1
        (0x2000, 0x206F),  # general punctuation
        (0x2190, 0x21FF),  # arrows
        (0x3000, 0x303F),  # CJK symbols and punctuation
        (0xFF00, 0xFFEF),  # full-width forms
    ]
    for lo, hi in ranges:
        chars.update(chr(c) for c in range(lo, hi + 1))
    unicodes = ",".join(f"U+{ord(c):04X}" for c in sorted(chars))
    subprocess.run(
        [
            "pyftsubset", SOURCE, f"--font-number={FACE}", f"--unicodes={unicodes}",
            "--layout-features-=locl", "--no-hinting", "--desubroutinize",
            "--name-IDs=*", "--name-languages=*", f"--output-file={OUT}",
        ],
        check=True,
    )
    print(f"{OUT}: {len(chars)} characters, {os.path.getsize(OUT):,} bytes")


if __name__ == "__main__":
    main()
