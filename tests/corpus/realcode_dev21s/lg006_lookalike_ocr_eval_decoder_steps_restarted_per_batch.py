"""look-alike [LG006]: an evaluation loop with no backward() sums the attention decoder's per-step NLL over the positions of the batch's target; `loss = 0.0` starts the sum again at every batch, so it holds one batch's graph and lets it go at the next."""

# Source: chenjun2hao/Attention_ocr.pytorch@81785f3 train.py (val) and models/crnn_lang.py (re-typed, renamed, cut to the evaluation loss)
import torch
import torch.nn as nn
import torch.nn.functional as F


class StepDecoder(nn.Module):
    def __init__(self, hidden, n_symbols, width=71):
        super().__init__()
        self.hidden = hidden
        self.embed = nn.Embedding(n_symbols, hidden)
        self.attend = nn.Linear(hidden * 2, width)
        self.merge = nn.Linear(hidden * 2, hidden)
        self.cell = nn.GRU(hidden, hidden)
        self.head = nn.Linear(hidden, n_symbols)

    def forward(self, symbol, state, memory):
        emb = self.embed(symbol)
        weights = F.softmax(self.attend(torch.cat((emb, state[0]), 1)), dim=1)
        context = torch.matmul(weights.unsqueeze(1), memory.permute(1, 0, 2))
        x = F.relu(self.merge(torch.cat((emb, context.squeeze(1)), 1)).unsqueeze(0))
        x, state = self.cell(x, state)
        return F.log_softmax(self.head(x[0]), dim=1), state

    def init_state(self, batch):
        return torch.zeros(1, batch, self.hidden)


criterion = nn.NLLLoss()
END = 1


def evaluate(encoder, decoder, loader, codec, max_batches=100):
    encoder.eval()
    decoder.eval()
    batches = iter(loader)
    correct = 0
    for _ in range(max_batches):
        images, texts = next(batches)
        target = codec.encode(texts)
        memory = encoder(images)
        symbol = target[0]
        state = decoder.init_state(images.size(0))
        loss = 0.0
        for t in range(1, target.shape[0]):
            out, state = decoder(symbol, state, memory)
            loss += criterion(out, target[t])
            best = out.data.topk(1)[1].squeeze(1)
            correct += int(best == target[t])
            symbol = best
            if best == END:
                break
        print("loss %.4f" % loss.item())
    return correct


if __name__ == "__main__":
    evaluate(image_encoder, StepDecoder(256, 40), test_loader, label_codec)
