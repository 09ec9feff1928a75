"""positive [LG018]: an adversarial few-shot trainer back-propagates the domain discriminator's loss through the sentence encoder, steps and clears the discriminator's optimizer, then back-propagates the encoder's flipped-label loss and steps the encoder's optimizer, cleared only after that step: the encoder also follows the discriminator's gradients (the fix clears the encoder's optimizer before its loss, and the discriminator's after it). The encoder's flipped-label loss also fills the discriminator's gradients after its clear, and the next iteration's discriminator step applies them (the fix's second line; marked in round 36, when LG018 read it)."""

# Source: thunlp/FewRel@cf5d71c535 fewshot_re_kit/framework.py, fixed in 14a6b9465e (cut, renamed)
import torch
import torch.nn as nn
from torch import optim


class AdversarialFewShotTrainer:
    def __init__(self, train_batches, adv_batches, domain_disc):
        self.train_batches = train_batches
        self.adv_batches = adv_batches
        self.domain_disc = domain_disc
        self.adv_cost = nn.CrossEntropyLoss()

    def train(self, model, n_way, k_shot, n_query, train_iter, lr=1e-1, adv_enc_lr=1e-1, adv_dis_lr=1e-1):
        optimizer = optim.SGD(model.parameters(), lr)
        optimizer_encoder = optim.SGD(model.parameters(), lr=adv_enc_lr)
        optimizer_dis = optim.SGD(self.domain_disc.parameters(), lr=adv_dis_lr)
        model.train()
        self.domain_disc.train()
        for it in range(train_iter):
            support, query, label = next(self.train_batches)
            logits, pred = model(support, query, n_way, k_shot, n_query * n_way)
            loss = model.loss(logits, label)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 10)
            optimizer.step()
            optimizer.zero_grad()

            support_adv, query_adv, _ = next(self.adv_batches)
            support_emb = model.sentence_encoder(support)
            query_emb = model.sentence_encoder(query)
            support_adv_emb = model.sentence_encoder(support_adv)
            query_adv_emb = model.sentence_encoder(query_adv)
            features_ori = torch.cat([support_emb, query_emb], 0)
            features_adv = torch.cat([support_adv_emb, query_adv_emb], 0)
            features = torch.cat([features_ori, features_adv], 0)
            total = features.size(0)
            dis_labels = torch.cat([torch.zeros(total // 2).long(), torch.ones(total // 2).long()], 0)
            dis_logits = self.domain_disc(features)
            loss_dis = self.adv_cost(dis_logits, dis_labels)

            loss_dis.backward(retain_graph=True)
            optimizer_dis.step()  # expect: LG018
            optimizer_dis.zero_grad()

            loss_encoder = self.adv_cost(dis_logits, 1 - dis_labels)
            loss_encoder.backward(retain_graph=True)
            optimizer_encoder.step()  # expect: LG018
            optimizer_encoder.zero_grad()
