"""part of look-alike project [LG006, LG011, LG012, LG015]: the concrete LightningModule builds the DeepSpeech model and the character table; main() hands it to pl.Trainer."""
# Source: dertilo/speech-recognition at 32dfd0a0 (read as is), deepspeech_asr/lightning/lit_deepspeech.py; re-typed, identifiers renamed; the dataset
# suppliers and argument parsing shortened.
from pytorch_lightning import Trainer

from deepspeech_model import SpeechNet
from lightning.lightning_model import LitSpeechModule
from utils import build_char2idx


class LitSpeechNet(LitSpeechModule):
    @property
    def char2idx(self):
        return build_char2idx()

    def _build_model(self, hparams):
        return SpeechNet(vocab_size=hparams.vocab_size, audio_feature_dim=hparams.audio_feature_dim)


def main(args):
    model = LitSpeechNet(args)
    trainer = Trainer(max_epochs=args.max_epochs, gpus=args.gpus)
    trainer.fit(model)
