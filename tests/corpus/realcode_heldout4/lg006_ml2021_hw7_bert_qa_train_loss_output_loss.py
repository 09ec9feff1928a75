"""positive [LG006]: a course notebook fine-tunes BertForQuestionAnswering and sums the model output's `.loss` (a tensor with its graph) into train_loss every step, printing and resetting it only every 100 steps."""
# Source: https://github.com/pai4451/ML2021 hw7/hw7_macbert4_w_val.ipynb at 9fddc410ef666a69241226378d6e9c9469645e42
# (issue #2 "HW7 Out of memory", closed: `train_loss += output.loss.detach()` or `.item()` fixed the growing memory);
# the code cells concerned, re-typed, names changed, reduced (the `!pip install` line, data set classes and
# post-processing left out).
import torch
from torch.utils.data import DataLoader
from tqdm.auto import tqdm
from transformers import AdamW, BertForQuestionAnswering, BertTokenizerFast, get_linear_schedule_with_warmup

fp16_training = True
if fp16_training:
    from accelerate import Accelerator

    accelerator = Accelerator(fp16=True)
    device = accelerator.device

tokenizer = BertTokenizerFast.from_pretrained("hfl/chinese-macbert-large")
model = BertForQuestionAnswering.from_pretrained("hfl/chinese-macbert-large").to(device)

num_epoch = 3
validation = False
logging_step = 100
learning_rate = 1e-5
doc_stride = 300

optimizer = AdamW(model.parameters(), lr=learning_rate)
if not validation:
    dev_set = QA_Dataset("train", dev_questions, dev_questions_tokenized, dev_paragraphs_tokenized)
    train_set = torch.utils.data.ConcatDataset([train_set, dev_set])
    train_loader = DataLoader(train_set, batch_size=train_batch_size, shuffle=True, pin_memory=True)
if fp16_training:
    model, optimizer, train_loader = accelerator.prepare(model, optimizer, train_loader)

total_steps = len(train_loader) * num_epoch
scheduler = get_linear_schedule_with_warmup(optimizer, num_warmup_steps=0, num_training_steps=total_steps)

model.train()
for epoch in range(num_epoch):
    step = 1
    train_loss = train_acc = 0
    for idx, data in enumerate(tqdm(train_loader)):
        data = [i.to(device) for i in data]
        output = model(input_ids=data[0], token_type_ids=data[1], attention_mask=data[2],
                       start_positions=data[3], end_positions=data[4])
        start_index = torch.argmax(output.start_logits, dim=1)
        end_index = torch.argmax(output.end_logits, dim=1)
        train_acc += ((start_index == data[3]) & (end_index == data[4])).float().mean()
        train_loss += output.loss  # expect: LG006

        if fp16_training:
            accelerator.backward(output.loss)
        else:
            output.loss.backward()
        optimizer.step()
        scheduler.step()
        optimizer.zero_grad()
        step += 1

        if step % logging_step == 0:
            print(f"Epoch {epoch + 1} | Step {step} | loss = {train_loss.item() / logging_step:.3f}, acc = {train_acc / logging_step:.3f}")
            train_loss = train_acc = 0

model.save_pretrained("saved_model/macbert4_val")
