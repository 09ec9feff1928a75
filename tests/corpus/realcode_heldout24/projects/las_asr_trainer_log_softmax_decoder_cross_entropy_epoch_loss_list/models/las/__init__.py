"""part of positive project [LG001, LG006]: the las package re-exports the model parts and their config dataclasses."""
# Source: upskyy/Automatic-Speech-Recognition-Models at 4000c3e7 (read as is), models/las/__init__.py;
# re-typed; the config dataclasses shortened.
from dataclasses import dataclass

from .decoder import Decoder
from .encoder import Encoder
from .model import ListenAttendSpell


@dataclass
class LASConfig:
    architecture: str = 'las'
    input_size: int = 80
    encoder_hidden_size: int = 512
    decoder_hidden_size: int = 1024
    teacher_forcing_ratio: float = 1.0
    use_joint_ctc_attention: bool = False
    max_len: int = 120
    attn_mechanism: str = 'multi_head'


@dataclass
class JointCTCAttentionLASConfig(LASConfig):
    encoder_hidden_size: int = 768
    decoder_hidden_size: int = 1536
    use_joint_ctc_attention: bool = True
    ctc_weight: float = 0.2
    cross_entropy_weight: float = 0.8
