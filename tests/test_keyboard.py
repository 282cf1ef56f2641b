"""The keyboard as data, and ``Presses``: a button's callback dispatched twice for one
press (Streamlit replays a trigger when the live poll pre-empts its run) acts once."""

from workbench import keyboard
from workbench.keyboard import Presses


def test_every_status_has_its_own_key_and_none_is_streamlits():
    keys = list(keyboard.STATUS_KEYS.values())
    assert len(set(keys)) == len(keys) == 7
    assert not {"C", "R"} & set(keys)  # Streamlit's own
    assert {keyboard.NEXT_CLAIM, keyboard.PREVIOUS_CLAIM}.isdisjoint(keys)


def test_a_repeated_press_returns_the_first_result_without_acting_again():
    presses, acted = Presses(), []

    def act(name: str) -> str:
        acted.append(name)
        return name.upper()

    drawing = presses.drawing()
    assert presses.once(drawing, "j", lambda: act("j")) == "J"
    assert presses.once(drawing, "j", lambda: act("j again")) == "J"  # the replay
    assert presses.once(drawing, "s", lambda: act("s")) == "S"  # another key acts
    assert acted == ["j", "s"]
    later = presses.drawing()  # the page drawn again: J is a new press
    assert presses.once(later, "j", lambda: act("j")) == "J" and acted == ["j", "s", "j"]


def test_old_drawings_are_forgotten():
    presses = Presses()
    first = presses.drawing()
    presses.once(first, "s", lambda: 1)
    for _ in range(Presses.KEPT):
        presses.drawing()
    assert presses.once(first, "s", lambda: 2) == 2  # remembered no longer: acts
