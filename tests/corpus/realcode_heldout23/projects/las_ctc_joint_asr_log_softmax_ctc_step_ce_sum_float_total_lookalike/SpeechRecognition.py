"""part of look-alike project [LG001, LG006, LG011, LG012]: the joint trainer: CTCLoss(reduction='sum') on the CTC head's log-probabilities transposed to (time, batch, classes), plus, inside the same batch, one label-smoothed CrossEntropyLoss per decoder step on the raw character scores added into loss; zero_grad / backward / step once per batch, and the epoch total is sr += float(loss); the validation sum runs under torch.no_grad."""
# Source: Mitya11/Automatic-Speech-Recognition-Deep-Learning at 2c26950c (read as is), SpeechRecognition.py;
# re-typed, identifiers renamed; the waveform augmentations, the greedy printouts, beam search and checkpoint paths
# cut. model.encoder and utils.get_features are not included.
import random

import torch

from model.CTC import CTCdecoder
from model.decoder import DecoderNN
from model.encoder import EncoderNN
from utils import get_features


class SpeechRecognition:
    def __init__(self):
        self.encoder = EncoderNN()
        self.decoder = DecoderNN()
        self.device = torch.device("cpu")
        self.ctc_classifier = None
        if torch.cuda.is_available():
            self.encoder.cuda()
            self.decoder.cuda()
            self.device = torch.device("cuda")

    def train(self, epochs, train_data, val_data=None):
        self.ctc_classifier = CTCdecoder().to(self.device)
        optimizer = torch.optim.Adam(list(self.decoder.parameters()) + list(self.encoder.parameters())
                                     + list(self.ctc_classifier.parameters()), lr=0.00007)
        final_loss = None
        for epoch in range(epochs):
            it = iter(train_data)
            criterion_cross = torch.nn.CrossEntropyLoss(ignore_index=34, label_smoothing=0.06)
            criterion_ctc = torch.nn.CTCLoss(blank=0, reduction="sum", zero_infinity=True)
            sr = 0
            for i in range(len(train_data)):
                inputs, target, input_lengths, target_lengths = next(it)
                sample_rate = random.randint(16000, 17200)
                inputs, input_lengths = get_features(inputs, sample_rate)
                inputs = inputs.to(self.device).squeeze(dim=2).transpose(0, 1)
                target = target.to(self.device)

                loss = torch.tensor(0, dtype=torch.float64, device=self.device)
                optimizer.zero_grad()
                enc_out, _ = self.encoder(inputs)
                ctc_out = self.ctc_classifier(enc_out)
                input_lengths = input_lengths // 8
                loss = criterion_ctc(ctc_out.transpose(0, 1), target, input_lengths, target_lengths) * 0.005

                prev_output = torch.zeros((enc_out.shape[0])).to(self.device, torch.long)
                hidden = [torch.zeros((1, enc_out.shape[0], 512), device=self.device)] * 2
                target = target - 1
                for j in range(target.size()[1]):
                    output, hidden, context, score = self.decoder(enc_out, prev_output, hidden)
                    loss += criterion_cross(output, target[:, j]).nan_to_num(0)
                    if random.randint(1, 100) < 40:
                        output = target[:, j]
                    else:
                        output = output.max(dim=1)[1]
                    prev_output = output
                try:
                    loss.backward()
                except Exception:
                    print("ERROR! Loss is :", loss)
                    continue
                optimizer.step()
                sr += float(loss)
            final_loss = sr / len(train_data)
            print("LOSS:", final_loss)
            if val_data:
                it = iter(val_data)
                sr = 0
                with torch.no_grad():
                    for i in range(len(val_data)):
                        inputs, target, _, _ = next(it)
                        inputs, input_lengths = get_features(inputs, 16000)
                        inputs = inputs.to(self.device).squeeze(dim=2).transpose(0, 1)
                        target = target.to(self.device) - 1
                        enc_out, _ = self.encoder(inputs)
                        prev_output = torch.zeros((enc_out.shape[0])).to(self.device, torch.long)
                        hidden = [torch.zeros((1, enc_out.shape[0], 512), device=self.device)] * 2
                        for j in range(target.size()[1]):
                            output, hidden, context, _ = self.decoder(enc_out, prev_output, hidden)
                            sr += criterion_cross(output, target[:, j]).nan_to_num(0)
                            prev_output = output.max(dim=1)[1]
                    print("VALIDATE Loss:", sr / len(val_data))
        return final_loss
