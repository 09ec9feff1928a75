"""part of look-alike project [LG001, LG006, LG007]: the distillation script labels the training texts with the fine-tuned BERT teacher's softmax probabilities, then trains the student with nn.NLLLoss() on its log-probabilities (second output) against the class ids plus nn.MSELoss() of its probabilities (first output) against the teacher's; on the dev set only the MSE term; per-batch losses are kept as loss.item()."""
# Source: qiangsiwei/bert_distill at ceed9c94 (read as is), distill.py; re-typed, identifiers renamed; data
# augmentation, pickling of the teacher outputs and the padding helpers shortened. The BERT classifier (ptbert.py)
# and load_data are not included.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch.autograd import Variable
from transformers import BertTokenizer

from small import BiLSTMStudent, LTensor, USE_CUDA
from utils import load_data, pad_batch

FTensor = torch.cuda.FloatTensor if USE_CUDA else torch.FloatTensor


class BertTeacher(object):
    def __init__(self, bert_model='bert-base-chinese', max_seq=128, device='cuda'):
        self.max_seq = max_seq
        self.device = device
        self.tokenizer = BertTokenizer.from_pretrained(bert_model, do_lower_case=True)
        self.model = torch.load('./data/cache/model')
        self.model.eval()

    def predict(self, text):
        tokens = self.tokenizer.tokenize(text)[:self.max_seq]
        ids = self.tokenizer.convert_tokens_to_ids(tokens)
        mask = [1] * len(ids)
        pad = [0] * (self.max_seq - len(ids))
        ids = torch.tensor([ids + pad], dtype=torch.long).to(self.device)
        mask = torch.tensor([mask + pad], dtype=torch.long).to(self.device)
        logits = self.model(ids, mask, None)
        return F.softmax(logits, dim=1).detach().cpu().numpy()


if __name__ == '__main__':
    teacher = BertTeacher()
    b_size, lr, epochs, alpha = 64, 0.002, 10, 0.5
    (x_tr, y_tr, t_tr), (x_de, y_de, t_de), (x_te, y_te, t_te), v_size, embs = load_data('hotel')
    x_tr, l_tr = pad_batch(x_tr, 50)
    x_de, l_de = pad_batch(x_de, 50)
    with torch.no_grad():
        p_tr = np.vstack([teacher.predict(text) for text in t_tr])
        p_de = np.vstack([teacher.predict(text) for text in t_de])

    student = BiLSTMStudent(v_size, 256, 256, 2)
    if USE_CUDA:
        student = student.cuda()
    opt = optim.Adam(student.parameters(), lr=lr)
    nll = nn.NLLLoss()
    mse = nn.MSELoss()
    for epoch in range(epochs):
        losses = []
        accs = []
        student.train()
        for i in range(0, len(x_tr), b_size):
            student.zero_grad()
            bx = Variable(LTensor(x_tr[i:i + b_size]))
            by = Variable(LTensor(y_tr[i:i + b_size]))
            bl = Variable(LTensor(l_tr[i:i + b_size]))
            bt = Variable(FTensor(p_tr[i:i + b_size]))
            probs, log_probs = student(bx, bl)
            loss = alpha * nll(log_probs, by) + (1 - alpha) * mse(probs, bt)
            loss.backward()
            opt.step()
            losses.append(loss.item())
        for i in range(0, len(x_de), b_size):
            student.zero_grad()
            bx = Variable(LTensor(x_de[i:i + b_size]))
            bl = Variable(LTensor(l_de[i:i + b_size]))
            bt = Variable(FTensor(p_de[i:i + b_size]))
            probs, log_probs = student(bx, bl)
            loss = mse(probs, bt)
            loss.backward()
            opt.step()
            losses.append(loss.item())
        student.eval()
        with torch.no_grad():
            for i in range(0, len(x_de), b_size):
                bx = Variable(LTensor(x_de[i:i + b_size]))
                by = Variable(LTensor(y_de[i:i + b_size]))
                bl = Variable(LTensor(l_de[i:i + b_size]))
                _, pred = torch.max(student(bx, bl)[1], 1)
                accs.append((pred == by).float().mean().item())
        print(np.mean(losses), np.mean(accs))
