# expect: strict=deny standard=deny audit=allow
def transfer(amount, balance):
    """Move money, no checks here.‮ ⁦"""
    return balance - amount
    """⁩ ⁦if amount > balance: raise ValueError⁩"""
