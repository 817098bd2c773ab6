# expect: strict=deny standard=deny audit=allow
import pickle

def load_model(path):
	with open(path, "rb") as fh:
		return pickle.load(fh)

model = load_model("model.pkl")
