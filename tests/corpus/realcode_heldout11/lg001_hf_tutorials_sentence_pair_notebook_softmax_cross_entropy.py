"""positive [LG001]: notebook: the sentence-pair Model's forward ends in out.softmax(dim=1) over its nn.Linear head on a frozen BERT, and the training cell applies torch.nn.CrossEntropyLoss to those probabilities."""
# Source: lansinuote/Huggingface_Toturials@9d665db994742e0c5e8a460c4f8a89da5427171d 9.中文句子关系推断.ipynb (read as is; its issue #6 names the same softmax in notebooks 7, 9 and 11; the code cells in order, re-typed, identifiers renamed, the cells' trailing display expressions and the test cell left out)
import random

import torch
from datasets import load_dataset


class PairDataset(torch.utils.data.Dataset):
    def __init__(self, split):
        ds = load_dataset(path='lansinuote/ChnSentiCorp', split=split)

        def long_enough(row):
            return len(row['text']) > 40

        self.ds = ds.filter(long_enough)

    def __len__(self):
        return len(self.ds)

    def __getitem__(self, i):
        text = self.ds[i]['text']
        first = text[:20]
        second = text[20:40]
        label = 0
        if random.randint(0, 1) == 0:
            j = random.randint(0, len(self.ds) - 1)
            second = self.ds[j]['text'][20:40]
            label = 1
        return first, second, label


dataset = PairDataset('train')

from transformers import BertTokenizer

tok = BertTokenizer.from_pretrained('bert-base-chinese')


def collate_fn(batch):
    pairs = [b[:2] for b in batch]
    labels = [b[2] for b in batch]
    enc = tok.batch_encode_plus(batch_text_or_text_pairs=pairs,
                                truncation=True,
                                padding='max_length',
                                max_length=45,
                                return_tensors='pt',
                                return_length=True,
                                add_special_tokens=True)
    input_ids = enc['input_ids']
    attention_mask = enc['attention_mask']
    token_type_ids = enc['token_type_ids']
    labels = torch.LongTensor(labels)
    return input_ids, attention_mask, token_type_ids, labels


loader = torch.utils.data.DataLoader(dataset=dataset,
                                     batch_size=8,
                                     collate_fn=collate_fn,
                                     shuffle=True,
                                     drop_last=True)

for i, (input_ids, attention_mask, token_type_ids, labels) in enumerate(loader):
    break

from transformers import BertModel

bert = BertModel.from_pretrained('bert-base-chinese')
for p in bert.parameters():
    p.requires_grad_(False)


class Model(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = torch.nn.Linear(768, 2)

    def forward(self, input_ids, attention_mask, token_type_ids):
        with torch.no_grad():
            hidden = bert(input_ids=input_ids,
                          attention_mask=attention_mask,
                          token_type_ids=token_type_ids)
        out = self.fc(hidden.last_hidden_state[:, 0])
        out = out.softmax(dim=1)
        return out


model = Model()

from transformers import AdamW

optimizer = AdamW(model.parameters(), lr=5e-4)
criterion = torch.nn.CrossEntropyLoss()

model.train()
for i, (input_ids, attention_mask, token_type_ids, labels) in enumerate(loader):
    out = model(input_ids=input_ids,
                attention_mask=attention_mask,
                token_type_ids=token_type_ids)
    loss = criterion(out, labels)  # expect: LG001
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
    if i % 5 == 0:
        out = out.argmax(dim=1)
        acc = (out == labels).sum().item() / len(labels)
        print(i, loss.item(), acc)
    if i == 300:
        break
