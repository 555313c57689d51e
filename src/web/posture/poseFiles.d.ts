declare module 'virtual:pose-files' {
  import type { PoseFiles } from './poseEngine';
  /** Where the build put the pose model and its WebAssembly runtime (scripts/poseFilesPlugin.ts). */
  export const POSE_FILES: PoseFiles;
}
