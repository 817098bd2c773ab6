# expect: strict=deny standard=allow audit=allow
# Clearing the terminal with a constant "cls"/"clear" is the one os.system
# call every terminal game writes: reported (low), not denied under standard.
import os


def clear_screen():
    os.system("cls" if os.name == "nt" else "clear")


clear_screen()
print("Welcome!")
