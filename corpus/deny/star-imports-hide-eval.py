# expect: strict=deny standard=deny audit=allow
"""Plugin loader: pulls every helper module into one namespace."""
from helpers_a import *
from helpers_b import *
from helpers_c import *
from helpers_d import *
from helpers_e import *
from helpers_f import *
from helpers_g import *
from helpers_h import *
from helpers_i import *
from helpers_j import *
from helpers_k import *
from helpers_l import *
from helpers_m import *
from helpers_n import *
from helpers_o import *
from helpers_p import *
from helpers_q import *

eval(input("expression: "))
