"""part of positive project [LG006]: SSLRec's base trainer logs float() copies of each loss, but the MAERec trainer keeps every batch's main loss tensor in loss_his between mask updates and adds each mask loss tensor, divided, into the epoch's loss_log_dict, so those batches' graphs are kept."""
# Source: hkuds/SSLRec at 7597c31c, trainer/trainer.py (Trainer and MAERecTrainer, read as is; f5267dd5 "fixed bug
# of loss_mask" moved the mask-loss sum into loss_log_dict); re-typed, identifiers renamed; the other trainers, the
# early-stopping branch of train(), evaluation, testing and checkpoints shortened (Metric, configs, writer helpers
# and the edge samplers' bodies as in the source's modules).
import numpy as np
import torch
import torch.optim as optim
from tqdm import tqdm
from torch.utils.tensorboard import SummaryWriter

from config.configurator import configs
from trainer.metrics import Metric
from .utils import DisabledSummaryWriter, log_exceptions

if 'tensorboard' in configs['train'] and configs['train']['tensorboard']:
    writer = SummaryWriter(log_dir='runs')
else:
    writer = DisabledSummaryWriter()


def init_seed():
    if 'reproducible' in configs['train'] and configs['train']['reproducible']:
        seed = configs['train']['seed']
        np.random.seed(seed)
        torch.manual_seed(seed)
        torch.cuda.manual_seed_all(seed)


class Trainer(object):
    def __init__(self, data_handler, logger):
        self.data_handler = data_handler
        self.logger = logger
        self.metric = Metric()

    def create_optimizer(self, model):
        cfg = configs['optimizer']
        if cfg['name'] == 'adam':
            self.optimizer = optim.Adam(model.parameters(), lr=cfg['lr'], weight_decay=cfg['weight_decay'])

    def train_epoch(self, model, epoch_idx):
        loader = self.data_handler.train_dataloader
        loader.dataset.sample_negs()
        log = {}
        ep_loss = 0
        steps = len(loader.dataset) // configs['train']['batch_size']
        model.train()
        for _, tem in tqdm(enumerate(loader), desc='Training Recommender', total=len(loader)):
            self.optimizer.zero_grad()
            batch = list(map(lambda x: x.long().to(configs['device']), tem))
            loss, parts = model.cal_loss(batch)
            ep_loss += loss.item()
            loss.backward()
            self.optimizer.step()
            for name in parts:
                val = float(parts[name]) / len(loader)
                if name not in log:
                    log[name] = val
                else:
                    log[name] += val
        writer.add_scalar('Loss/train', ep_loss / steps, epoch_idx)
        self.logger.log_loss(epoch_idx, log, save_to_log=configs['train']['log_loss'])

    @log_exceptions
    def train(self, model):
        self.create_optimizer(model)
        cfg = configs['train']
        for epoch_idx in range(cfg['epoch']):
            self.train_epoch(model, epoch_idx)
            if epoch_idx % cfg['test_step'] == 0:
                self.evaluate(model, epoch_idx)
        self.test(model)
        return model


class MAERecTrainer(Trainer):
    def __init__(self, data_handler, logger):
        super(MAERecTrainer, self).__init__(data_handler, logger)
        self.logger = logger

    def create_optimizer(self, model):
        cfg = configs['optimizer']
        if cfg['name'] == 'adam':
            self.optimizer = optim.Adam(
                [{"params": model.encoder.parameters()},
                 {"params": model.decoder.parameters()},
                 {"params": model.emb_layer.parameters()},
                 {"params": model.transformer_layers.parameters()}],
                lr=cfg['lr'], weight_decay=cfg['weight_decay'])

    def calc_reward(self, last_losses, eps):
        if len(last_losses) < 3:
            return 1.0
        cur_drop = last_losses[-2] - last_losses[-1]
        avg_drop = 0
        for i in range(len(last_losses) - 2):
            avg_drop += last_losses[i] - last_losses[i + 1]
        avg_drop /= len(last_losses) - 2
        return 1 if cur_drop > avg_drop else eps

    def sample_pos_edges(self, masked_edges):
        return masked_edges[torch.randperm(masked_edges.shape[0])[:configs['model']['con_batch']]]

    def sample_neg_edges(self, pos, dok):
        neg = []
        for u, v in pos:
            negs_u = []
            for _ in range(configs['model']['num_reco_neg']):
                while True:
                    u_neg = np.random.randint(1, configs['data']['item_num'] + 1)
                    if (u_neg, v) not in dok:
                        break
                negs_u.append([u_neg, v])
            neg.append(negs_u)
        return torch.Tensor(neg).long()

    def train_epoch(self, model, epoch_idx):
        model.train()
        loss_his = []
        log = {'loss': 0, 'loss_main': 0, 'loss_reco': 0, 'loss_regu': 0, 'loss_mask': 0}
        loader = self.data_handler.train_dataloader
        loader.dataset.sample_negs()
        for i, batch in tqdm(enumerate(loader), desc='Training MAERec', total=len(loader)):
            if i % configs['model']['mask_steps'] == 0:
                scores, candidates = model.sampler(model.ii_adj_all_one, model.encoder.get_ego_embeds())
                masked_adj, masked_edges = model.masker(model.ii_adj, candidates)
            batch = list(map(lambda x: x.long().to(configs['device']), batch))
            item_emb, item_emb_his = model.encoder(masked_adj)
            pos = self.sample_pos_edges(masked_edges)
            neg = self.sample_neg_edges(pos, model.ii_dok)
            loss, loss_main, loss_reco, loss_regu = model.cal_loss(batch, item_emb, item_emb_his, pos, neg)
            loss_his.append(loss_main)  # expect: LG006
            if i % configs['model']['mask_steps'] == 0:
                reward = self.calc_reward(loss_his, configs['model']['eps'])
                loss_mask = -scores.mean() * reward
                log['loss_mask'] += loss_mask / (len(loader) // configs['model']['mask_steps'])  # expect: LG006
                loss_his = loss_his[-1:]
                loss += loss_mask
            log['loss'] += loss.item() / len(loader)
            log['loss_main'] += loss_main.item() / len(loader)
            log['loss_reco'] += loss_reco.item() / len(loader)
            log['loss_regu'] += loss_regu.item() / len(loader)
            self.optimizer.zero_grad()
            loss.backward()
            self.optimizer.step()
        writer.add_scalar('Loss/train', log['loss'], epoch_idx)
        self.logger.log_loss(epoch_idx, log, save_to_log=configs['train']['log_loss'])
