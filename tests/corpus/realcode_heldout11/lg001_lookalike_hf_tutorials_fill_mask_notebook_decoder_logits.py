"""look-alike [LG001, LG014]: notebook from the same tutorial series: the fill-mask Model returns the raw nn.Linear decoder output over the vocabulary, and the training cell applies torch.nn.CrossEntropyLoss to it; zero_grad follows every step."""
# Source: lansinuote/Huggingface_Toturials@9d665db994742e0c5e8a460c4f8a89da5427171d 8.中文填空.ipynb (read as is; the code cells in order, re-typed, identifiers renamed, the cells' trailing display expressions and the test cell left out)
import torch
from datasets import load_dataset


class TextDataset(torch.utils.data.Dataset):
    def __init__(self, split):
        ds = load_dataset(path='lansinuote/ChnSentiCorp', split=split)

        def long_enough(row):
            return len(row['text']) > 30

        self.ds = ds.filter(long_enough)

    def __len__(self):
        return len(self.ds)

    def __getitem__(self, i):
        return self.ds[i]['text']


dataset = TextDataset('train')

from transformers import BertTokenizer

tok = BertTokenizer.from_pretrained('bert-base-chinese')


def collate_fn(batch):
    enc = tok.batch_encode_plus(batch_text_or_text_pairs=batch,
                                truncation=True,
                                padding='max_length',
                                max_length=30,
                                return_tensors='pt',
                                return_length=True)
    input_ids = enc['input_ids']
    attention_mask = enc['attention_mask']
    token_type_ids = enc['token_type_ids']
    labels = input_ids[:, 15].reshape(-1).clone()
    input_ids[:, 15] = tok.get_vocab()[tok.mask_token]
    return input_ids, attention_mask, token_type_ids, labels


loader = torch.utils.data.DataLoader(dataset=dataset,
                                     batch_size=16,
                                     collate_fn=collate_fn,
                                     shuffle=True,
                                     drop_last=True)

from transformers import BertModel

bert = BertModel.from_pretrained('bert-base-chinese')
for p in bert.parameters():
    p.requires_grad_(False)


class Model(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.decoder = torch.nn.Linear(768, tok.vocab_size, bias=False)
        self.bias = torch.nn.Parameter(torch.zeros(tok.vocab_size))
        self.decoder.bias = self.bias

    def forward(self, input_ids, attention_mask, token_type_ids):
        with torch.no_grad():
            hidden = bert(input_ids=input_ids,
                          attention_mask=attention_mask,
                          token_type_ids=token_type_ids)
        out = self.decoder(hidden.last_hidden_state[:, 15])
        return out


model = Model()

from transformers import AdamW

optimizer = AdamW(model.parameters(), lr=5e-4)
criterion = torch.nn.CrossEntropyLoss()

model.train()
for epoch in range(5):
    for i, (input_ids, attention_mask, token_type_ids, labels) in enumerate(loader):
        out = model(input_ids=input_ids,
                    attention_mask=attention_mask,
                    token_type_ids=token_type_ids)
        loss = criterion(out, labels)
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        if i % 50 == 0:
            out = out.argmax(dim=1)
            acc = (out == labels).sum().item() / len(labels)
            print(epoch, i, loss.item(), acc)
