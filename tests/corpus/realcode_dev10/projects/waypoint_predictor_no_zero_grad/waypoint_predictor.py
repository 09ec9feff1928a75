"""positive project [LG014]: predict_waypoints trains the predictor with backward() and optimizer.step() every batch and never clears the gradients (the helper that builds its targets with torch.zeros lives in utils.py)."""
# Source: wz0919/waypoint-predictor@ac357545c1 (HEAD; issue #4 "Is optimizer.zero_grad() intentionally omitted in training loop?", never fixed) waypoint_predictor.py (as is to the end of the training batch loop, the commented-out image check cut; then the epoch's last checkpoint save and the main block)

import torch
import argparse
from dataloader import RGBDepthPano

from image_encoders import RGBEncoder, DepthEncoder
from TRM_net import BinaryDistPredictor_TRM, TRM_predict

from eval import waypoint_eval

import os
import glob
import utils
import random
from utils import nms
from utils import print_progress
from tensorboardX import SummaryWriter

device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')

def setup(args):
    torch.manual_seed(0)
    random.seed(0)
    exp_log_path = './checkpoints/%s/'%(args.EXP_ID)
    os.makedirs(exp_log_path, exist_ok=True)
    exp_log_path = './checkpoints/%s/snap/'%(args.EXP_ID)
    os.makedirs(exp_log_path, exist_ok=True)

class Param():
    def __init__(self):
        self.parser = argparse.ArgumentParser(description='Train waypoint predictor')

        self.parser.add_argument('--EXP_ID', type=str, default='test_0')
        self.parser.add_argument('--TRAINEVAL', type=str, default='train', help='trian or eval mode')
        self.parser.add_argument('--VIS', type=int, default=0, help='visualize predicted hearmaps')
        # self.parser.add_argument('--LOAD_EPOCH', type=int, default=None, help='specific an epoch to load for eval')

        self.parser.add_argument('--ANGLES', type=int, default=24)
        self.parser.add_argument('--NUM_IMGS', type=int, default=24)
        self.parser.add_argument('--NUM_CLASSES', type=int, default=12)
        self.parser.add_argument('--MAX_NUM_CANDIDATES', type=int, default=5)

        self.parser.add_argument('--PREDICTOR_NET', type=str, default='TRM', help='TRM only')

        self.parser.add_argument('--EPOCH', type=int, default=10)
        self.parser.add_argument('--BATCH_SIZE', type=int, default=2)
        self.parser.add_argument('--LEARNING_RATE', type=float, default=1e-4)
        self.parser.add_argument('--WEIGHT', type=int, default=0, help='weight the target map')

        self.parser.add_argument('--TRM_LAYER', default=2, type=int, help='number of TRM hidden layers')
        self.parser.add_argument('--TRM_NEIGHBOR', default=2, type=int, help='number of attention mask neighbor')
        self.parser.add_argument('--HEATMAP_OFFSET', default=2, type=int, help='an offset determined by image FoV and number of images')
        self.parser.add_argument('--HIDDEN_DIM', default=768, type=int)

        self.args = self.parser.parse_args()

def predict_waypoints(args):

    print('\nArguments', args)
    log_dir = './checkpoints/%s/tensorboard/'%(args.EXP_ID)
    writer = SummaryWriter(log_dir=log_dir)

    ''' networks '''
    rgb_encoder = RGBEncoder(resnet_pretrain=True, trainable=False).to(device)
    depth_encoder = DepthEncoder(resnet_pretrain=True, trainable=False).to(device)
    if args.PREDICTOR_NET == 'TRM':
        print('\nUsing TRM predictor')
        print('HIDDEN_DIM default to 768')
        args.HIDDEN_DIM = 768
        predictor = BinaryDistPredictor_TRM(args=args,
            hidden_dim=args.HIDDEN_DIM, n_classes=args.NUM_CLASSES).to(device)

    ''' load navigability (gt waypoints, obstacles and weights) '''
    navigability_dict = utils.load_gt_navigability(
        './training_data/%s_*_mp3d_waypoint_twm0.2_obstacle_first_withpos.json'%(args.ANGLES))

    ''' dataloader for rgb and depth images '''
    train_img_dir = './gen_training_data/rgbd_fov90/train/*/*.pkl'
    traindataloader = RGBDepthPano(args, train_img_dir, navigability_dict)
    eval_img_dir = './gen_training_data/rgbd_fov90/val_unseen/*/*.pkl'
    evaldataloader = RGBDepthPano(args, eval_img_dir, navigability_dict)
    if args.TRAINEVAL == 'train':
        trainloader = torch.utils.data.DataLoader(traindataloader, 
        batch_size=args.BATCH_SIZE, shuffle=True, num_workers=4)
    evalloader = torch.utils.data.DataLoader(evaldataloader, 
        batch_size=args.BATCH_SIZE, shuffle=False, num_workers=4)

    ''' optimization '''
    criterion_bcel = torch.nn.BCEWithLogitsLoss(reduction='none')
    criterion_mse = torch.nn.MSELoss(reduction='none')

    params = list(predictor.parameters())
    optimizer = torch.optim.AdamW(params, lr=args.LEARNING_RATE)

    ''' training loop '''
    if args.TRAINEVAL == 'train':
        print('\nTraining starts')
        best_val_1 = {"avg_wayscore": 0.0, "log_string": '', "update":False}
        best_val_2 = {"avg_pred_distance": 10.0, "log_string": '', "update":False}

        for epoch in range(args.EPOCH):  # loop over the dataset multiple times
            sum_loss = 0.0

            rgb_encoder.eval()
            depth_encoder.eval()
            predictor.train()

            for i, data in enumerate(trainloader):
                scan_ids = data['scan_id']
                waypoint_ids = data['waypoint_id']
                rgb_imgs = data['rgb'].to(device)
                depth_imgs = data['depth'].to(device)

                ''' processing observations '''
                rgb_feats = rgb_encoder(rgb_imgs)        # (BATCH_SIZE*ANGLES, 2048)
                depth_feats = depth_encoder(depth_imgs)  # (BATCH_SIZE*ANGLES, 128, 4, 4)

                ''' learning objectives '''
                target, obstacle, weight, _, _ = utils.get_gt_nav_map(
                    args.ANGLES, navigability_dict, scan_ids, waypoint_ids)
                target = target.to(device)
                obstacle = obstacle.to(device)
                weight = weight.to(device)

                if args.PREDICTOR_NET == 'TRM':
                    vis_logits = TRM_predict('train', args,
                        predictor, rgb_feats, depth_feats)

                    loss_vis = criterion_mse(vis_logits, target)
                    if args.WEIGHT:
                        loss_vis = loss_vis * weight
                    total_loss = loss_vis.sum() / vis_logits.size(0) / args.ANGLES

                total_loss.backward()
                optimizer.step()  # expect: LG014
                sum_loss += total_loss.item()

                print_progress(i+1, len(trainloader), prefix='Epoch: %d/%d'%((epoch+1),args.EPOCH))
            writer.add_scalar("Train/Loss", sum_loss/(i+1), epoch)
            print('Train Loss: %.5f' % (sum_loss/(i+1)))  # (epoch+1),args.EPOCH

            ''' evaluation - inference '''
            # print('Evaluation ...')

            checkpoint_reg_save_path = './checkpoints/%s/snap/check_latest'%(args.EXP_ID) #, epoch+1
            utils.save_checkpoint(epoch+1, predictor, optimizer, checkpoint_reg_save_path)

if __name__ == "__main__":
    param = Param()
    args = param.args
    setup(args)

    if args.VIS:
        assert args.TRAINEVAL == 'eval'

    predict_waypoints(args)
