from langchain.chains import load_chain
from langchain.prompts import load_prompt
from langchain_community.vectorstores import FAISS

CHAIN_URL = "https://raw.githubusercontent.com/someone/chains/main/qa.json"
# ruleid: llm-chain-remote-load
chain = load_chain(CHAIN_URL)
# ruleid: llm-chain-remote-load
prompt = load_prompt("lc://prompts/qa/stuff/basic.json")
# a prompt file of the project
# ok: llm-chain-remote-load
local = load_prompt("prompts/qa.yaml")


def load_store(path, emb):
    # ruleid: vector-store-dangerous-load
    return FAISS.load_local(path, emb, allow_dangerous_deserialization=True)


def roundtrip(docs, emb):
    store = FAISS.from_documents(docs, emb)
    store.save_local("index")
    # an index this program saved
    # ok: vector-store-dangerous-load
    return FAISS.load_local("index", emb, allow_dangerous_deserialization=True)


class TextClassifier:
    pass


CKPT = "https://cdn.example.net/ckpt/epoch=9.ckpt"
# ruleid: checkpoint-remote-load
m1 = TextClassifier.load_from_checkpoint(CKPT, map_location="cpu")
# ruleid: checkpoint-unsafe-load
m2 = TextClassifier.load_from_checkpoint("ckpt/last.ckpt", weights_only=False)
# ok: checkpoint-unsafe-load, checkpoint-remote-load
m3 = TextClassifier.load_from_checkpoint("ckpt/last.ckpt", weights_only=True)


# a helper whose returned file depends on its argument: each call its own
def opened(name, mode):
    fh = open(name, mode)
    return fh


import os
import pickle
import sys

out = opened(os.path.join(os.environ["HOME"], "c.pkl"), "wb")
pickle.dump({}, out)
inp = opened(sys.argv[1], "rb")
# ruleid: pickle-load
pickle.load(inp)
