"""part of look-alike project [LG001, LG006, LG013]: the CLIP fine-tuning loop starts each iteration's loss from F.cross_entropy on the image-text logits, adds the L2 term and the distillation terms to it with +=, and back-propagates it once per iteration."""
# Source: Thunderbeee/ZSCL@b96e71423e2cbd592ddd229aaf2f1e889b86f1af mtil/src/models/finetune.py (read as is; re-typed, cut at function boundaries: only finetune(), with the weight-averaging set-up, reference-sentence choices, evaluation and saving shortened)
import copy

import clip.clip as clip
import torch
import torch.nn.functional as F
from tqdm import tqdm

from .. import datasets, templates, utils
from .helpers import l2_loss, virtual_vocab, distillation


def finetune(args):
    model, train_preprocess, val_preprocess = clip.load(args.model, jit=False)
    if args.l2 > 0:
        l2_model = copy.deepcopy(model)
        l2_model.cuda()

    dataset = getattr(datasets, args.train_dataset)(train_preprocess, location=args.data_location, batch_size=args.batch_size)
    num_batches = len(dataset.train_loader)
    total_iterations = args.iterations if args.iterations is not None else num_batches * args.epochs

    params = [v for k, v in model.named_parameters() if k not in ["logit_scale"]]
    optimizer = torch.optim.AdamW(params, lr=args.lr, weight_decay=args.wd)
    scheduler = utils.cosine_lr(optimizer, args.lr, args.warmup_length, total_iterations)

    model = model.cuda()
    logit_scale = model.logit_scale
    model = torch.nn.DataParallel(model, device_ids=list(range(torch.cuda.device_count())))

    template = getattr(templates, args.template)[0]
    texts = clip.tokenize([template(x) for x in dataset.classnames]).cuda()

    if args.method == "ZSCL":
        ref_model, _, test_preprocess = clip.load(args.model, jit=False)
        ref_model = torch.nn.DataParallel(ref_model.cuda())
        ref_model.eval()
        ref_dataset = getattr(datasets, args.ref_dataset)(test_preprocess, location=args.data_location, batch_size=args.batch_size)
        ref_texts = virtual_vocab() if args.ref_sentences == "random" else clip.tokenize(
            [ref_dataset.template(x) for x in ref_dataset.classnames]).cuda()
        ref_iter = iter(ref_dataset.train_loader)

    for iteration in tqdm(range(total_iterations + 1)):
        if iteration % num_batches == 0:
            data_iter = iter(dataset.train_loader)

        model.train()
        scheduler(iteration)

        try:
            images, labels = next(data_iter)
        except:
            data_iter = iter(dataset.train_loader)
            images, labels = next(data_iter)
        images, labels = images.cuda(), labels.cuda()

        embeddings = model(None, texts)
        embeddings = embeddings / embeddings.norm(dim=-1, keepdim=True)
        out = model(images, None)
        out = out / out.norm(dim=-1, keepdim=True)

        logits_per_image = logit_scale.exp() * out @ embeddings.t()
        loss = F.cross_entropy(logits_per_image, labels, label_smoothing=args.ls)

        if args.l2 > 0:
            loss_l2 = l2_loss(model, l2_model)
            loss += args.l2 * loss_l2

        if args.method == "ZSCL":
            try:
                ref_images, ref_labels = next(ref_iter)
            except:
                ref_iter = iter(ref_dataset.train_loader)
                ref_images, ref_labels = next(ref_iter)
            ref_images = ref_images.cuda()

            with torch.no_grad():
                ref_embeddings = ref_model(None, ref_texts)
                ref_embeddings = ref_embeddings / ref_embeddings.norm(dim=-1, keepdim=True)
                ref_out = ref_model(ref_images, None)
                ref_out = ref_out / ref_out.norm(dim=-1, keepdim=True)

            ref_out_current = model(ref_images, None)
            ref_out_current = ref_out_current / ref_out_current.norm(dim=-1, keepdim=True)

            logits_current = logit_scale.exp() * ref_out_current @ ref_embeddings.t()
            logits_ref = logit_scale.exp() * ref_out @ ref_embeddings.t()
            loss_ZSCL = distillation(logits_ref, logits_current, T=args.T)

            if args.feature_mse:
                mse_loss = torch.nn.MSELoss()
                loss += mse_loss(ref_out, ref_out_current)

            if args.image_loss:
                loss = loss + (0.5 if args.weight_adjust else 1.0) * loss_ZSCL

            if args.text_loss:
                loss_ZSCL_2 = distillation(logits_ref.t(), logits_current.t(), T=args.T)
                loss += 0.5 * loss_ZSCL_2 if args.weight_adjust else loss_ZSCL_2

        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

        if iteration % 10 == 0:
            print("Loss:", loss.item())
            if args.method == "ZSCL":
                print("Loss ZSCL:", loss_ZSCL.item())
            if args.l2 > 0:
                print("Loss L2:", loss_l2.item())
