"""part of look-alike project [LG006, LG008, LG009]: the distiller package re-exports the KD and DKD losses."""
# Source: zhengli97/CTKD@7d5252241259ae70d38a832371fed9697d15fc14 distiller_zoo/__init__.py
# at the commit read (issue #4: why the student gets log_softmax and the teacher softmax; answered with KLDivLoss's convention); the PKT, SP and VID losses left out.
from .DKD import DKDloss
from .KD import DistillKL
