"""positive [LG009]: the MiniLM distillation script picks loss_fct = KLDivLoss(log_target=True) (default reduction 'mean'; the 'batchmean' line above it is commented out) for the attention and value-relation distributions, both given as F.log_softmax; the per-step sums start from 0.0 inside the loop."""
# Source: jongwooko/Pytorch-MiniLM@a6929302535f7a1d65daa8d4a546d5d2ec7a239c run_pretrain.py
# at the commit read (issue #2 "about the calculation of attention distribution"); the logging block after the optimizer step (which holds a syntax error, 'args.mode in == ...') and the checkpointing left out; the backslash continuation of the loss_fct line written with parentheses so that the marker fits.
import os

from argparse import ArgumentParser
from pathlib import Path
from tempfile import TemporaryDirectory

import math
import json
import random
import numpy as np
from collections import namedtuple
import time

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import DataLoader, Dataset, TensorDataset
from torch.utils.data.distributed import DistributedSampler
from tqdm import tqdm

import pickle
import collections

from transformer.file_utils import WEIGHTS_NAME, CONFIG_NAME
from transformer.modeling import MiniLMForPreTraining, BertModel
from transformer.tokenization import BertTokenizer
from transformer.optimization import BertAdam

try:
    from torch.utils.tensorboard import SummaryWriter
except ImportError:
    from tensorboardX import SummaryWriter

import logging
from apex.parallel import DistributedDataParallel as DDP

logging.basicConfig(format='%(asctime)s - %(levelname)s - %(name)s -   %(message)s',
                    datefmt='%m/%d/%Y %H:%M:%S',
                    level=logging.INFO)
logger = logging.getLogger(__name__)

InputFeatures = namedtuple(
    "InputFeatures",
    "input_ids input_mask segment_ids lm_label_ids is_next")



def main():
    parser = ArgumentParser()
    
    parser.add_argument('--pregenerated_data', type=str, required=True)
    parser.add_argument('--student_model', type=str, required=True, default='./models/3layer_bert')
    parser.add_argument('--teacher_model', type=str, default='./models/bert-base-uncased')
    parser.add_argument('--cache_dir', type=str, default='/input/osilab-nlp/cache', help='')
    
    parser.add_argument("--epochs", type=int, default=3, help="Number of epochs to train for")
    parser.add_argument('--gradient_accumulation_steps',
                        type=int,
                        default=1,
                        help="Number of updates steps to accumulate before performing a backward/update pass.")
    parser.add_argument("--train_batch_size",
                        default=16,
                        type=int,
                        help="Total batch size for training.")
    parser.add_argument("--learning_rate",
                        default=1e-4,
                        type=float,
                        help="The initial learning rate for Adam.")
    parser.add_argument("--max_seq_length", type=int, default=512)
    
    parser.add_argument("--do_lower_case", action="store_true")
    parser.add_argument('--fp16',
                        action='store_true',
                        help="Whether to use 16-bit float precision instead of 32-bit")
    parser.add_argument('--scratch',
                        action='store_true',
                        help="Whether to train from scratch")
    parser.add_argument("--reduce_memory", action="store_true",
                        help="Store training data as on-disc memmaps to massively reduce memory usage")
    parser.add_argument('--debug',
                        action='store_true',
                        help="Whether to debug")
    
    parser.add_argument("--local_rank",
                        type=int,
                        default=-1,
                        help="local_rank for distributed training on gpus")
    parser.add_argument("--no_cuda",
                        action='store_true',
                        help="Whether not to use CUDA when available")
    parser.add_argument(
        "--fp16_opt_level",
        type=str,
        default="O1",
        help="For fp16: Apex AMP optimization level selected in ['O0', 'O1', 'O2', and 'O3']."
             "See details at https://nvidia.github.io/apex/amp.html",
    )
    
    parser.add_argument('--loss_scale',
                        type=float, default=0,
                        help="Loss scaling to improve fp16 numeric stability. Only used when fp16 set to True.\n"
                             "0 (default value): dynamic loss scaling.\n"
                             "Positive power of 2: static loss scaling value.\n")
    parser.add_argument("--warmup_proportion",
                        default=0.01,
                        type=float,
                        help="Proportion of training to perform linear learning rate warmup for. "
                             "E.g., 0.1 = 10%% of training.")
    parser.add_argument('--seed',
                        type=int,
                        default=42,
                        help="random seed for initialization")
    parser.add_argument("--already_trained_epoch",
                        default=0,
                        type=int)
    parser.add_argument("--adam_epsilon", default=1e-8, type=float, help="Epsilon for Adam optimizer.")
    parser.add_argument("--logging_steps", type=int, default=500, help="Log every X updates steps.")
    parser.add_argument("--warmup_steps", default=10000, type=int, help="Linear warmup over warmup_steps.")

    parser.add_argument("--max_grad_norm", default=1.0, type=float, help="Max gradient norm.")

    parser.add_argument("--num_workers", type=int, default=4, help="num_workers.")
    parser.add_argument("--continue_index", type=int, default=0, help="")
    parser.add_argument("--threads", type=int, default=27,
                        help="Number of threads to preprocess input data")
    
    parser.add_argument('--further_train', action='store_true')
    parser.add_argument('--mlm_loss', action='store_true')
    parser.add_argument('--mode', type=str, choices=["MiniLM_v1", "MiniLM_v2"])
    
    args = parser.parse_args()
    assert (torch.cuda.is_available())
    device_count = torch.cuda.device_count()
    args.rank = int(os.getenv("RANK", "0"))
    args.world_size = int(os.getenv("WORLD_SIZE", "1"))
    
    init_method = "env://"
    torch.cuda.set_device(args.local_rank)
    device = torch.device("cuda", args.local_rank)
    print('device_id: %s' % args.local_rank)
    print('device_count: %s, rank: %s, world_size: %s' % (device_count, args.rank, args.world_size))
    print(init_method)
    
    torch.distributed.init_process_group(backend="nccl", world_size=args.world_size,
                                         rank=args.rank, init_method=init_method)
    
    samples_per_epoch = []
    for i in range(int(args.epochs)):
        epoch_file = Path(args.pregenerated_data) / "epoch_{}.json".format(i)
        metrics_file = Path(args.pregenerated_data) / "epoch_{}_metrics.json".format(i)
        if epoch_file.is_file() and metrics_file.is_file():
            metrics = json.loads(metrics_file.read_text())
            samples_per_epoch.append(metrics['num_training_examples'])
        else:
            if i == 0:
                exit("No training data was found!")
            print("Warning! There are fewer epochs of pregenerated data ({}) than training epochs ({}).".format(i, args.epochs))
            print("This script will loop over the available data, but training diversity may be negatively impacted.")
            num_data_epochs = i
            break    
    else:
        num_data_epochs = args.epochs
    
    LOCAL_DIR = args.cache_dir

    local_save_dir = os.path.join(LOCAL_DIR, 'output', 'checkpoints')
    local_tsbd_dir = os.path.join(LOCAL_DIR, 'output', 'tensorboard')

    save_name = '_'.join([
    'bert',
    'epoch', str(args.epochs),
    'lr', str(args.learning_rate),
    'bsz', str(args.train_batch_size),
    'grad_accu', str(args.gradient_accumulation_steps),
    str(args.max_seq_length),
    'gpu', str(args.world_size),
    ])

    bash_save_dir = os.path.join(local_save_dir, save_name)
    bash_tsbd_dir = os.path.join(local_tsbd_dir, save_name)
    if args.local_rank == 0:
        if not os.path.exists(bash_save_dir):
            os.makedirs(bash_save_dir)
            logger.info(bash_save_dir + ' created!')
        if not os.path.exists(bash_tsbd_dir):
            os.makedirs(bash_tsbd_dir)
            logger.info(bash_tsbd_dir + ' created!')

    if args.gradient_accumulation_steps < 1:
        raise ValueError("Invalid gradient_accumulation_steps paramter: {}, should be >= 1".format(
            args.gradient_accumulation_steps))
        
    args.train_batch_size = args.train_batch_size // args.gradient_accumulation_steps
    
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.cuda.manual_seed_all(args.seed)
    
    args.tokenizer = BertTokenizer.from_pretrained(args.student_model, do_lower_case=args.do_lower_case)
    args.vocab_list = list(args.tokenizer.vocab.keys())
    
    if args.further_train:
        student_model = MiniLMForPreTraining.from_pretrained(args.student_model)
    else:
        student_model = MiniLMForPreTraining.from_scratch(args.student_model)
        
    student_model.to(device)
    args.student_config = student_model.config
    
    if not args.mlm_loss:
        teacher_model = MiniLMForPreTraining.from_pretrained(args.teacher_model)
        teacher_model.to(device)
        args.teacher_config = teacher_model.config
        
    if args.local_rank == 0:
        tb_writer = SummaryWriter(bash_tsbd_dir)
        
    global_step = 0
    step = 0
    tr_loss, tr_at_loss, tr_vr_loss = 0.0, 0.0, 0.0
    tr_qr_loss, tr_kr_loss = 0.0, 0.0
    tr_mlm_loss, tr_nsp_loss = 0.0, 0.0
    logging_loss, at_logging_loss, vr_logging_loss = 0.0, 0.0, 0.0
    qr_logging_loss, kr_logging_loss = 0.0, 0.0
    mlm_logging_loss, nsp_logging_loss = 0.0, 0.0
    end_time, start_time = 0, 0
    
    for epoch in range(args.epochs):
        if epoch < args.continue_index:
            args.warmup_steps = 0
            continue
            
        epoch_dataset = PregeneratedDataset(epoch=epoch, training_path=args.pregenerated_data, tokenizer=args.tokenizer,
                                    num_data_epochs=num_data_epochs, reduce_memory=args.reduce_memory, gpuid=args.local_rank)
        train_sampler = DistributedSampler(epoch_dataset)
        train_dataloader = DataLoader(epoch_dataset, sampler=train_sampler, batch_size=args.train_batch_size,
                                      num_workers=args.num_workers)
        
        step_in_each_epoch = len(train_dataloader) // args.gradient_accumulation_steps
        num_train_optimization_steps = step_in_each_epoch * args.epochs
        logging.info("***** Running training *****")
        logging.info("  Num examples = %d", len(epoch_dataset) * args.world_size)
        logger.info("  Num Epochs = %d", args.epochs)
        logging.info("  Total train batch size (w. parallel, distributed & accumulation) = %d",
                     args.train_batch_size * args.gradient_accumulation_steps * args.world_size)
        logger.info("  Gradient Accumulation steps = %d", args.gradient_accumulation_steps)
        logging.info("  Num steps = %d", num_train_optimization_steps)
        
        if epoch == args.continue_index:
            # Prepare optimizer
            param_optimizer = list(student_model.named_parameters())
            no_decay = ['bias', 'LayerNorm.bias', 'LayerNorm.weight']
            optimizer_grouped_parameters = [
                {'params': [p for n, p in param_optimizer if not any(nd in n for nd in no_decay)],
                 'weight_decay': 0.01},
                {'params': [p for n, p in param_optimizer if any(nd in n for nd in no_decay)], 'weight_decay': 0.0}
            ]
            
            print("warm_up_ratio: {}".format(warm_up_ratio))
            optimizer = BertAdam(optimizer_grouped_parameters, lr=args.learning_rate,
                                 e=args.adam_epsilon, schedule="warmup_linear",
                                 t_total=num_train_optimization_steps,
                                 warmup=args.warmup_proportion)
            
            if args.fp16:
                try:
                    from apex import amp
                except:
                    raise ImportError("Please install apex from https://www.github.com/nvidia/apex"
                                      " to use fp16 training.")
                student_model, optimizer = amp.initialize(student_model, optimizer,
                                                          opt_level=args.fp16_opt_level,
                                                          min_loss_scale=1)
                
            # apex
            student_model = DDP(student_model, message_size=10000000,
                                gradient_predivide_factor=torch.distributed.get_world_size(),
                                delay_allreduce=True)
            
            if not args.mlm_loss:
                teacher_model = DDP(teacher_model, message_size=10000000,
                                    gradient_predivide_factor=torch.distributed.get_world_size(),
                                    delay_allreduce=True)
                teacher_model.eval()
                
            logger.info("apex data paralleled!")
            
        from torch.nn import CrossEntropyLoss, KLDivLoss, MSELoss
#         loss_fct = KLDivLoss(reduction="batchmean", log_target=True) if not args.mlm_loss \
        loss_fct = (KLDivLoss(log_target=True) if not args.mlm_loss  # expect: LG009
                    else CrossEntropyLoss(ignore_index=-1))
        
        student_model.train()
        for step_, batch in enumerate(tqdm(train_dataloader, desc="Iteration", ascii=True)):
            step += 1
            batch = tuple(t.to(device) for t in batch)
            input_ids, input_masks, segment_ids, lm_label_ids, is_next = batch
            
            if not args.mlm_loss and args.mode == "MiniLM_v1":
                at_loss, vr_loss = 0.0, 0.0
            elif not args.mlm_loss and args.mode == "MiniLM_v2":
                qr_loss, kr_loss, vr_loss = 0.0, 0.0, 0.0
            else:
                mlm_loss, nsp_loss = 0.0, 0.0
            
            if not args.mlm_loss and args.mode == "MiniLM_v1":
                with torch.no_grad():
                    _, _, teacher_query_layers, teacher_key_layers, teacher_value_layers = teacher_model(input_ids, segment_ids, input_masks,
                                                                                                         is_student=False)
                    teacher_attention_dist = torch.matmul(teacher_query_layers[0],
                                             teacher_key_layers[0].transpose(-1,-2))
                    teacher_value_relation = torch.matmul(teacher_value_layers[0],
                                             teacher_value_layers[0].transpose(-1,-2))
                    attention_head_size = int(args.teacher_config.hidden_size / args.teacher_config.num_attention_heads)
                    
                    teacher_attention_dist = teacher_attention_dist / math.sqrt(attention_head_size)
                    teacher_attention_dist = F.log_softmax(teacher_attention_dist, dim=-1)
                    
                    teacher_value_relation = teacher_value_relation / math.sqrt(attention_head_size)
                    teacher_value_relation = F.log_softmax(teacher_value_relation, dim=-1)
            
            elif not args.mlm_loss and args.mode == "MiniLM_v2":
                with torch.no_grad():
                    _, _, teacher_query_layers, teacher_key_layers, teacher_value_layers = teacher_model(input_ids, segment_ids, input_masks,
                                                                                                         is_student=False)
                    teacher_query_relation = torch.matmul(teacher_query_layers[0],
                                             teacher_query_layers[0].transpose(-1,-2))
                    teacher_key_relation = torch.matmul(teacher_key_layers[0],
                                           teacher_key_layers[0].transpose(-1,-2))
                    teacher_value_relation = torch.matmul(teacher_value_layers[0],
                                             teacher_value_layers[0].transpose(-1,-2))
                    attention_head_size = int(args.teacher_config.hidden_size / args.teacher_config.num_attention_heads)
                    
                    teacher_query_relation = teacher_query_relation / math.sqrt(attention_head_size)
                    teacher_query_relation = F.log_softmax(teacher_query_relation, dim=-1)
                    
                    teacher_key_relation = teacher_key_relation / math.sqrt(attention_head_size)
                    teacher_key_relation = F.log_softmax(teacher_key_relation, dim=-1)
                    
                    teacher_value_relation = teacher_value_relation / math.sqrt(attention_head_size)
                    teacher_value_relation = F.log_softmax(teacher_value_relation, dim=-1)
                    
            if not args.mlm_loss and args.mode == "MiniLM_v1":
                # knowledge distillation
                _, _, student_query_layers, student_key_layers, student_value_layers = student_model(input_ids, segment_ids, input_masks,
                                                                                                     is_student=True)
                    
                student_attention_dist = torch.matmul(student_query_layers[0],
                                          student_key_layers[0].transpose(-1,-2))
                student_value_relation = torch.matmul(student_value_layers[0],
                                         student_value_layers[0].transpose(-1,-2))
                attention_head_size = int(args.student_config.hidden_size / args.student_config.num_attention_heads)

                student_attention_dist = student_attention_dist / math.sqrt(attention_head_size)
                student_attention_dist = F.log_softmax(student_attention_dist, dim=-1)

                student_value_relation = student_value_relation / math.sqrt(attention_head_size)
                student_value_relation = F.log_softmax(student_value_relation, dim=-1)
                
                scaler = 1.
                at_loss += loss_fct(teacher_attention_dist, student_attention_dist) / scaler
                vr_loss += loss_fct(teacher_value_relation, student_value_relation) / scaler
                loss = at_loss + vr_loss

                if args.gradient_accumulation_steps > 1:
                    at_loss = at_loss / args.gradient_accumulation_steps
                    vr_loss = vr_loss / args.gradient_accumulation_steps
                    loss = loss / args.gradient_accumulation_steps

                tr_at_loss += at_loss.item()
                tr_vr_loss += vr_loss.item()
                
            elif not args.mlm_loss and args.mode == "MiniLM_v2":
                _, _, student_query_layers, student_key_layers, student_value_layers = student_model(input_ids, segment_ids, input_masks,
                                                                                                     is_student=True)
                    
                student_query_relation = torch.matmul(student_query_layers[0],
                                         student_query_layers[0].transpose(-1,-2))
                student_key_relation = torch.matmul(student_key_layers[0],
                                       student_key_layers[0].transpose(-1,-2))
                student_value_relation = torch.matmul(student_value_layers[0],
                                         student_value_layers[0].transpose(-1,-2))
                attention_head_size = int(args.student_config.hidden_size / args.student_config.num_attention_heads)

                student_query_relation = student_query_relation / math.sqrt(attention_head_size)
                student_query_relation = F.log_softmax(student_query_relation, dim=-1)

                student_key_relation = student_key_relation / math.sqrt(attention_head_size)
                student_key_relation = F.log_softmax(student_key_relation, dim=-1)

                student_value_relation = student_value_relation / math.sqrt(attention_head_size)
                student_value_relation = F.log_softmax(student_value_relation, dim=-1)
                
#                 scaler = student_value_relation.size(0) * student_value_relation.size(1)
                scaler = 1.0
                qr_loss += loss_fct(teacher_query_relation, student_query_relation) / scaler
                kr_loss += loss_fct(teacher_key_relation, student_key_relation) / scaler
                vr_loss += loss_fct(teacher_value_relation, student_value_relation) / scaler
                loss = qr_loss + kr_loss + vr_loss

                if args.gradient_accumulation_steps > 1:
                    qr_loss = qr_loss / args.gradient_accumulation_steps
                    kr_loss = kr_loss / args.gradient_accumulation_steps
                    vr_loss = vr_loss / args.gradient_accumulation_steps
                    loss = loss / args.gradient_accumulation_steps

                tr_qr_loss += qr_loss.item()
                tr_kr_loss += kr_loss.item()
                tr_vr_loss += vr_loss.item()
                    
            else:
                # Do not use distillation
                prediction_scores, seq_relationship_score, _, _, _ = student_model(input_ids, segment_ids, input_masks,
                                                                                   is_student=False)
                mlm_loss = loss_fct(
                    prediction_scores.view(-1, len(args.vocab_list)), lm_label_ids.view(-1))
                nsp_loss = loss_fct(
                    seq_relationship_score.view(-1, 2), is_next.view(-1))
                loss = mlm_loss + nsp_loss

                if args.gradient_accumulation_steps > 1:
                    mlm_loss = mlm_loss / args.gradient_accumulation_steps
                    nsp_loss = nsp_loss / args.gradient_accumulation_steps
                    loss = loss / args.gradient_accumulation_steps
                    
                tr_mlm_loss += mlm_loss.item()
                tr_nsp_loss += nsp_loss.item()
                    
            tr_loss += loss.item()
            if args.fp16:
                with amp.scale_loss(loss, optimizer) as scaled_loss:
                    scaled_loss.backward()
            else:
                loss.backward()
                    
            if (step + 1) % args.gradient_accumulation_steps == 0:
                if args.fp16:
                    torch.nn.utils.clip_grad_norm_(amp.master_params(optimizer), args.max_grad_norm)
                else:
                    torch.nn.utils.clip_grad_norm_(student_model.parameters(), args.max_grad_norm)
                    
                optimizer.step()
                optimizer.zero_grad()
                global_step += 1
