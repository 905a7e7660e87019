/** What block and text renderers need from the page: names to show, and where clicks go. */

export interface BlockAction {
  actionId: string;
  blockId?: string;
  value?: string;
}

export interface RenderContext {
  /** The person using the page: mentions of them are highlighted. */
  me: string;
  userName(userId: string): string;
  channelName(channelId: string): string | undefined;
  openChannel(channelId: string): void;
  /** Same-origin URL for a Slack file id. */
  fileUrl(fileId: string): string;
  openImage(src: string, alt: string): void;
  /** Sends a `block_actions` interaction; resolves once the app has been told. */
  act(action: BlockAction): Promise<void>;
}
